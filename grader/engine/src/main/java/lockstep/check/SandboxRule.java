package lockstep.check;

import java.util.List;
import java.util.Set;

/**
 * One sandbox rule: an id, the reason a student reads, and the APIs it forbids.
 *
 * @param id       stable id, such as {@code exit}, for results and tests
 * @param reason   why it is forbidden and what to do instead, in a student's words
 * @param apis     the packages, classes and members it forbids
 * @param kinds    reference kinds that break the rule whatever they refer to (such as {@code native} methods)
 */
record SandboxRule(String id, String reason, List<ForbiddenApi> apis, Set<ReferenceKind> kinds) {

    SandboxRule {
        apis = List.copyOf(apis);
        kinds = Set.copyOf(kinds);
    }

    /** Whether {@code reference} breaks this rule. */
    boolean matches(Reference reference) {
        return kinds.contains(reference.kind()) || apis.stream().anyMatch(api -> api.matches(reference));
    }
}
