package io.stratus.ui.app;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;

/**
 * The menu bar an RCP user expects: File (Exit), Window (perspectives, views, Preferences) and
 * Help (key assist). Bundles contribute their items through {@code org.eclipse.ui.menus}, the
 * same way they do in an Eclipse IDE.
 */
final class StratusActionBarAdvisor extends ActionBarAdvisor {

    StratusActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();
        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator());
        file.add(action(ActionFactory.QUIT, window));
        menuBar.add(file);
        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(windowMenu(window));
        MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        help.add(new Separator());
        help.add(new CommandContributionItem(new CommandContributionItemParameter(window, null,
                "org.eclipse.ui.window.showKeyAssist", CommandContributionItem.STYLE_PUSH)));
        menuBar.add(help);
    }

    private MenuManager windowMenu(IWorkbenchWindow window) {
        MenuManager menu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        MenuManager perspectives = new MenuManager("&Open Perspective", "openPerspective");
        perspectives.add(ContributionItemFactory.PERSPECTIVES_SHORTLIST.create(window));
        menu.add(perspectives);
        MenuManager views = new MenuManager("Show &View", "showView");
        views.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
        menu.add(views);
        menu.add(action(ActionFactory.RESET_PERSPECTIVE, window));
        menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menu.add(new Separator());
        menu.add(action(ActionFactory.PREFERENCES, window));
        return menu;
    }

    private IWorkbenchAction action(ActionFactory factory, IWorkbenchWindow window) {
        IWorkbenchAction action = factory.create(window);
        register(action);
        return action;
    }
}
