package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.seed.Seed;

/** Who signs a request: an account root, an IAM user or a session of an assumed role. */
public sealed interface Principal {

    Seed.Account account();

    /** As GetCallerIdentity reports it and AccessDenied messages name it. */
    String arn();

    /** GetCallerIdentity's {@code UserId}. */
    String userId();

    Seed.Permissions permissions();

    /** The ARN a role's trust list must name for this principal to assume the role. */
    default String trustArn() {
        return arn();
    }

    record Root(Seed.Account account) implements Principal {
        @Override
        public String arn() {
            return account.rootArn();
        }

        @Override
        public String userId() {
            return account.id();
        }

        @Override
        public Seed.Permissions permissions() {
            return account.root();
        }
    }

    record User(Seed.Account account, Seed.User user) implements Principal {
        @Override
        public String arn() {
            return user.arn(account.id());
        }

        @Override
        public String userId() {
            return user.id();
        }

        @Override
        public Seed.Permissions permissions() {
            return user;
        }
    }

    record RoleSession(Seed.Account account, Seed.Role role, String sessionName) implements Principal {
        @Override
        public String arn() {
            return "arn:aws:sts::" + account.id() + ":assumed-role/" + role.name() + "/" + sessionName;
        }

        @Override
        public String userId() {
            return role.id() + ":" + sessionName;
        }

        @Override
        public Seed.Permissions permissions() {
            return role;
        }

        /** Trust policies name the role for role chaining, not the session. */
        @Override
        public String trustArn() {
            return role.arn(account.id());
        }
    }
}
