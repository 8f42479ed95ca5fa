package dev.keyline.domain.staff;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.util.List;

/**
 * One role's staffing in a division, part of human-resource management (人力资源管理): the planned headcount and the people who fill it.
 *
 * @param role the role
 * @param planned the planned headcount
 * @param people the people assigned, in the order they were assigned; never more than planned
 */
public record Position(Role role, int planned, List<UserId> people) {

    /**
     * Validates the position.
     *
     * @param role the role
     * @param planned the planned headcount
     * @param people the people assigned, in the order they were assigned; never more than planned
     * @throws InvalidArgumentException when a component is null, the headcount is negative, a
     *     person appears twice or more people fill it than planned
     */
    public Position {
        Require.nonNull(role, "role");
        Require.nonNegative(planned, "planned");
        people = Require.nonNullElements(people, "people");
        Require.that(people.stream().distinct().count() == people.size(), "people", "must name each person once");
        if (people.size() > planned) {
            throw new InvalidArgumentException("people", role + " has " + people.size()
                    + " people but a planned headcount of only " + planned);
        }
    }

    /**
     * How many people fill the position.
     *
     * @return the filled headcount
     */
    public int filled() {
        return people.size();
    }

    /**
     * How many places are open.
     *
     * @return planned minus filled, never negative
     */
    public int vacancies() {
        return planned - people.size();
    }
}
