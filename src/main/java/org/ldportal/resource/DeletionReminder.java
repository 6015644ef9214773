package org.ldportal.resource;

import java.time.LocalDate;

/**
 * Something the portal will delete on a day its owner chose (a time-limited environment)
 * comes near that day: the owner is told, with a link to where they can extend it.
 * Published once per day chosen, in the transaction that marks the owner told.
 *
 * @param type what will be deleted
 * @param place where it is
 * @param name its name, as people know it
 * @param deleteOn the day the portal deletes it
 * @param ownerSubject whom the portal deletes it for (the identity provider's subject)
 * @param page its page in the portal, a path from the portal's root
 */
public record DeletionReminder(ResourceType type, Place place, String name, LocalDate deleteOn, String ownerSubject,
        String page) {
}
