package org.ldportal.environment;

import java.time.LocalDate;

import org.jspecify.annotations.NullUnmarked;
import org.springframework.format.annotation.DateTimeFormat;

/** What "Extend" on a time-limited environment's page binds: its new day. */
// Bound by Spring MVC: null until bound.
@NullUnmarked
public class LifetimeForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deleteOn;

    public LocalDate getDeleteOn() {
        return deleteOn;
    }

    public void setDeleteOn(LocalDate deleteOn) {
        this.deleteOn = deleteOn;
    }

}
