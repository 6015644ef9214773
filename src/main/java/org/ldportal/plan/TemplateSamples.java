package org.ldportal.plan;

/** The text a new template starts from: every part a template has, ready to change. */
final class TemplateSamples {

    static final String STARTER = """
            {
              "name": "QA environment with Segment export",
              "description": "A QA environment for your team, deleted after 30 days, its events sent to Segment.",
              "groups": [],
              "projects": [],
              "questions": [
                { "key": "project", "label": "Project", "type": "project" },
                { "key": "team", "label": "Team", "type": "text", "required": true,
                  "help": "Lower case, as in your team's channel: checkout",
                  "pattern": "[a-z][a-z0-9-]*", "patternMessage": "Use lower-case letters, digits and '-'." }
              ],
              "steps": [
                { "type": "environment", "project": "${project}",
                  "values": { "name": "${team} QA", "key": "${team}-qa", "color": "f5a623", "deleteAfterDays": 30 } },
                { "type": "destination", "kind": "segment", "project": "${project}", "environment": "${team}-qa",
                  "values": { "name": "${team} QA to Segment" }, "open": [ "config.writeKey" ] }
              ]
            }
            """;

    private TemplateSamples() {
    }

}
