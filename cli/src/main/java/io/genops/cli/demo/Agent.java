package io.genops.cli.demo;

import io.genops.core.Attribution;

/**
 * One agent of the demo. Its interactions carry its team's attribution themselves, so an agent that
 * joins another team's conversation still charges its own team.
 *
 * @param id          such as {@code support-agent-03}
 * @param team        the team it works for
 * @param attribution its team, as event attribution
 */
record Agent(String id, Team team, Attribution attribution) {

    static Agent of(final Team team, final int number) {
        return new Agent(String.format("%s-agent-%02d", team.wireName(), number), team,
            Attribution.team(team.wireName()));
    }
}
