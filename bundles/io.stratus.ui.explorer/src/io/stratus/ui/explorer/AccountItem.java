package io.stratus.ui.explorer;

import io.stratus.core.explorer.ExplorerTree;

import java.util.Optional;

/**
 * The Cloud Explorer's top node: the signed-in person's AWS account, holding their tree as the
 * filter shows it. Its children are the tree's {@link ExplorerTree.ServiceNode services}.
 */
public record AccountItem(ExplorerTree tree, Optional<String> alias) {

    public String accountId() {
        return tree.accountId();
    }
}
