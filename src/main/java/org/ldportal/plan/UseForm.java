package org.ldportal.plan;

/**
 * The bean a template's form binds: nothing of its own (its values are the form engine's,
 * {@code value[...]}), only what errors about the form as a whole hang on.
 */
public class UseForm {

}
