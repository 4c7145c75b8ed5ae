package io.amira.api;

/**
 * One member of a queue as the live view tracks it.
 *
 * @param queue          the queue's name
 * @param interfaceName  the member's interface ({@code Interface}, {@code Location} in QueueStatus), e.g.
 *                       {@code PJSIP/1001}: its identity within the queue
 * @param name           {@code MemberName}
 * @param stateInterface the device whose state is the member's ({@code StateInterface})
 * @param membership     {@code static}, {@code dynamic} or {@code realtime}
 * @param penalty        its penalty
 * @param status         its device state ({@code Status}: not in use, in use, ringing, unavailable...)
 * @param paused         whether it is paused
 * @param pausedReason   the reason given with the pause, empty when none
 * @param inCall         whether it is in a call from this queue (from {@code AgentConnect} until
 *                       {@code AgentComplete} or its device is free again, as Asterisk decides it)
 */
public record LiveQueueMember(String queue, String interfaceName, String name, String stateInterface,
                              String membership, int penalty, DeviceState status, boolean paused,
                              String pausedReason, boolean inCall) {
}
