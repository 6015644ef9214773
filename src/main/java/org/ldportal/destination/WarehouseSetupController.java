package org.ldportal.destination;

import java.nio.charset.StandardCharsets;

import org.ldportal.change.ChangeResult;
import org.ldportal.change.FormRefusals;
import org.ldportal.change.SubmissionPages;
import org.ldportal.change.Submissions;
import org.ldportal.launchdarkly.Destination;
import org.ldportal.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Warehouse set-ups (Snowflake, Redshift) between the two steps: each at its own address, listed for the person who
 * started it (and for admins), with the script to copy or download, and the last step that creates the destination.
 */
@Controller
@RequestMapping("/destinations/setups")
class WarehouseSetupController {

    private final WarehouseSetups setups;
    private final DestinationKindCatalog catalog;
    private final DestinationService destinations;
    private final Submissions submissions;

    WarehouseSetupController(WarehouseSetups setups, DestinationKindCatalog catalog, DestinationService destinations,
            Submissions submissions) {
        this.setups = setups;
        this.catalog = catalog;
        this.destinations = destinations;
        this.submissions = submissions;
    }

    @GetMapping
    String list(Model model, Authentication authentication) {
        model.addAttribute("setups", setups.pending(CurrentUser.from(authentication)));
        model.addAttribute("kinds", catalog.all());
        return "destinations/setups";
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, Model model, Authentication authentication) {
        WarehouseSetup setup = setup(id, authentication);
        if (!setup.isPending()) {
            model.addAttribute("completed", true);
        }
        return page(setup, setup.form(), model);
    }

    /** The script as a file, to run in the warehouse's own tools. */
    @GetMapping("/{id:\\d+}/script.sql")
    ResponseEntity<byte[]> script(@PathVariable long id, Authentication authentication) {
        WarehouseSetup setup = setup(id, authentication);
        String fileName = "launchdarkly-" + setup.kind() + "-" + setup.environmentKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".sql";
        return ResponseEntity.ok().contentType(new MediaType("application", "sql", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body((setup.script().script() == null ? "" : setup.script().script()).getBytes(StandardCharsets.UTF_8));
    }

    /** The last step, after the person ran the script. */
    @PostMapping("/{id:\\d+}/complete")
    String complete(@PathVariable long id, @RequestParam(name = SubmissionPages.TOKEN, required = false) String token,
            Model model, Authentication authentication, RedirectAttributes redirect) {
        WarehouseSetup setup = setup(id, authentication);
        DestinationForm form = setup.form();
        BindingResult result = new BeanPropertyBindingResult(form, "destinationForm");
        DestinationKind kind = catalog.find(setup.kind()).filter(DestinationKind::isWarehouse)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CurrentUser user = CurrentUser.from(authentication);
        Submissions.Claim<CreatedDestination> claim = submissions.claim(token, user, CreatedDestination.class);
        String repeated = SubmissionPages.repeated(claim, model, redirect, "created", "/destinations/created");
        if (repeated != null) {
            return repeated;
        }
        if (claim instanceof Submissions.Claim.Missing<CreatedDestination>) {
            SubmissionPages.outOfDate(result);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "destinationForm", result);
            return page(setup, form, model);
        }
        String link = destinations.link(setup.projectKey(), setup.environmentKey());
        ChangeResult<Destination> attempt = submissions.send(token, () -> destinations.complete(form, kind,
                setup.script().publicKey(), user), destination -> CreatedDestination.of(form, kind,
                        destination, link));
        if (attempt instanceof ChangeResult.Succeeded<Destination> created) {
            setups.completed(id);
            redirect.addFlashAttribute("created", CreatedDestination.of(form, kind, created.resource(), link));
            return "redirect:/destinations/created";
        }
        FormRefusals.apply(attempt, result, model);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "destinationForm", result);
        return page(setup, form, model);
    }

    private String page(WarehouseSetup setup, DestinationForm form, Model model) {
        model.addAttribute("setupId", setup.id());
        model.addAttribute("kind", catalog.find(setup.kind()).orElseThrow());
        model.addAttribute("setup", setup.script());
        model.addAttribute("destinationForm", form);
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        return "destinations/setup";
    }

    private WarehouseSetup setup(long id, Authentication authentication) {
        // Someone else's set-up answers 404, as a missing one does.
        return setups.find(id, CurrentUser.from(authentication))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
