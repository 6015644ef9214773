package org.ldportal.web;

import org.ldportal.security.PortalSecurityProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page (what the signed-in person can do) and the page shown after signing out.
 */
@Controller
class HomeController {

    private final PortalSecurityProperties security;

    HomeController(PortalSecurityProperties security) {
        this.security = security;
    }

    @GetMapping("/")
    String home(Model model) {
        // A person in none of the groups still reaches this page: it tells them who to
        // ask.
        model.addAttribute("accessContact", security.accessContact());
        return "home";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }

}
