package org.ldportal.notification;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "Notifications" page: each person turns their emails on or off, by kind. */
@Controller
class NotificationsController {

    private final NotificationPreferences preferences;

    private final Mailer mailer;

    NotificationsController(NotificationPreferences preferences, Mailer mailer) {
        this.preferences = preferences;
        this.mailer = mailer;
    }

    @GetMapping("/notifications")
    String showPreferences(CurrentUser user, Model model) {
        model.addAttribute("kinds", List.of(EmailKind.values()));
        model.addAttribute("on", preferences.emailsOf(user.subject()));
        model.addAttribute("emailOn", mailer.on());
        model.addAttribute("address", user.email());
        return "notifications";
    }

    /** Unticked boxes send nothing: the kinds sent are those on, every other is off. */
    @PostMapping("/notifications")
    String processPreferences(CurrentUser user,
            @RequestParam(name = "email", required = false) @Nullable List<String> email, RedirectAttributes redirect) {
        Set<EmailKind> on = EnumSet.noneOf(EmailKind.class);
        if (email != null) {
            email.forEach(key -> EmailKind.of(key).ifPresent(on::add));
        }
        preferences.choose(user.subject(), on);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/notifications";
    }

}
