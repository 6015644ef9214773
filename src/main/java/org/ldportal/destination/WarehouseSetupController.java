package org.ldportal.destination;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.pages.ChangeForm;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.Submission;
import org.ldportal.change.pages.SubmissionPages;
import org.ldportal.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Warehouse set-ups (Snowflake, Redshift) between the two steps: each at its own address,
 * listed for the person who started it (and for admins), with the script to copy or
 * download, and the last step that creates the destination.
 */
@Controller
@RequestMapping("/destinations/setups")
class WarehouseSetupController {

    private final WarehouseSetups setups;

    private final DestinationKindCatalog catalog;

    private final DestinationService destinations;

    private final ChangeFlow flow;

    private final ChangePages pages;

    WarehouseSetupController(WarehouseSetups setups, DestinationKindCatalog catalog, DestinationService destinations,
            ChangeFlow flow, ChangePages pages) {
        this.setups = setups;
        this.catalog = catalog;
        this.destinations = destinations;
        this.flow = flow;
        this.pages = pages;
    }

    @GetMapping
    String list(Model model, CurrentUser user) {
        model.addAttribute("setups", setups.pending(user));
        model.addAttribute("kinds", catalog.all());
        return "destinations/setups";
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, Model model, CurrentUser user) {
        WarehouseSetup setup = setup(id, user);
        if (!setup.isPending()) {
            model.addAttribute("completed", true);
        }
        return page(setup, setup.form(), model);
    }

    /** The script as a file, to run in the warehouse's own tools. */
    @GetMapping("/{id:\\d+}/script.sql")
    ResponseEntity<byte[]> script(@PathVariable long id, CurrentUser user) {
        WarehouseSetup setup = setup(id, user);
        String fileName = "launchdarkly-" + setup.kind() + "-"
                + setup.environmentKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".sql";
        return ResponseEntity.ok()
            .contentType(new MediaType("application", "sql", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName).build().toString())
            .body((setup.script().script() == null ? "" : setup.script().script()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The last step, after the person ran the script: through the change flow, its token
     * claimed first.
     */
    @PostMapping("/{id:\\d+}/complete")
    @Nullable String complete(@PathVariable long id, Submission submission, Model model, RedirectAttributes redirect) {
        WarehouseSetup setup = setup(id, submission.user());
        DestinationKind kind = catalog.find(setup.kind())
            .filter(DestinationKind::isWarehouse)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        DestinationForm form = setup.form();
        BindingResult result = new BeanPropertyBindingResult(form, "destinationForm");
        return pages.show(flow.submit(submission, destinations.completion(setup, kind)), submission, new ChangeForm() {
            @Override
            public String again(Map<String, String> configErrors) {
                String view = page(setup, form, model);
                model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "destinationForm", result);
                return view;
            }

            @Override
            public String shown(Object created, RedirectAttributes redirect) {
                setups.completed(id);
                return ChangeForm.flashed("created", "/destinations/created", created, redirect);
            }
        }, result, model, redirect);
    }

    private String page(WarehouseSetup setup, DestinationForm form, Model model) {
        model.addAttribute("setupId", setup.id());
        model.addAttribute("kind", catalog.find(setup.kind()).orElseThrow());
        model.addAttribute("setup", setup.script());
        model.addAttribute("destinationForm", form);
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        return "destinations/setup";
    }

    private WarehouseSetup setup(long id, CurrentUser user) {
        // Someone else's set-up answers 404, as a missing one does.
        return setups.find(id, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

}
