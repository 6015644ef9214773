package org.ldportal.change;

/**
 * A request named a project, environment or the account's integrations that the person
 * may not act on (a key changed in the page, or a rule changed since the page was shown).
 * Already recorded as REJECTED; answered with a plain 403 page.
 */
public class NotAllowedException extends RuntimeException {

    private final String place;

    public NotAllowedException(String place) {
        super("Not allowed " + place);
        this.place = place;
    }

    /**
     * Where, in words: "in project mobile-app", "in environment production of project
     * mobile-app".
     */
    public String place() {
        return place;
    }

}
