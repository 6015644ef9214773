package org.ldportal.web;

import org.ldportal.security.RequestIdFilter;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Requests no form of the portal sends (a row number beyond any form's bound, a number
 * where a word belongs in the URL) answer 400 with a plain page instead of an error trace
 * or a 500.
 */
@ControllerAdvice
class BadRequestAdvice {

    @ExceptionHandler({ InvalidPropertyException.class, TypeMismatchException.class })
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("requestId", RequestIdFilter.current());
        model.addAttribute("error", "Bad Request");
        model.addAttribute("message", "The form sent something the portal does not accept, such as more rows than the "
                + "form can hold. Go back, reload the form and try again.");
        return "error";
    }

}
