/*
 * Shows and hides fields that depend on other fields (manifest "dependsOn"), live. The server applies the same
 * rule when it renders the form and when it validates it (FormValidator.isShown), so this only saves a round trip.
 *
 * A dependent field carries data-conditions, a JSON array with one entry per dependsOn entry:
 *   {"field": "config[severity]", "read": "value", "action": "SHOW",
 *    "conditions": [{"operator": "EQUAL_TO", "value": "critical"}]}
 * or, when the field depended on takes no input, "fixedValue" in place of "read". The field is shown when every
 * entry allows it: each SHOW entry's conditions all hold and no HIDE entry's conditions all hold.
 */
(function () {
  'use strict';

  function inputsNamed(form, name) {
    return form.querySelectorAll('[name="' + name.replace(/["\\]/g, '\\$&') + '"]');
  }

  // Read as the server reads it (FormValidator.dependeeValue): a checkbox is "true"/"false", a group of
  // checkboxes its first ticked value, anything else its value; nothing on the page is "".
  function valueOf(form, entry) {
    if (typeof entry.fixedValue === 'string') {
      return entry.fixedValue;
    }
    var inputs = inputsNamed(form, entry.field);
    if (inputs.length === 0) {
      return '';
    }
    if (entry.read === 'checkbox') {
      return inputs[0].checked ? 'true' : 'false';
    }
    if (entry.read === 'choices') {
      for (var i = 0; i < inputs.length; i++) {
        if (inputs[i].checked) {
          return inputs[i].value;
        }
      }
      return '';
    }
    return inputs[0].value || '';
  }

  // As FieldCondition.Condition.holdsFor: strings, except that the ordering operators compare numbers when both
  // sides are whole numbers or decimals.
  function number(text) {
    var trimmed = text.trim();
    return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? parseFloat(trimmed) : NaN;
  }

  function compare(actual, expected) {
    var a = number(actual), b = number(expected);
    if (!isNaN(a) && !isNaN(b)) {
      return a < b ? -1 : a > b ? 1 : 0;
    }
    return actual < expected ? -1 : actual > expected ? 1 : 0;
  }

  function holds(condition, actual) {
    var expected = condition.value == null ? '' : String(condition.value);
    switch (condition.operator) {
      case 'EQUAL_TO': return actual === expected;
      case 'NOT_EQUAL': return actual !== expected;
      case 'CONTAINS': return actual.indexOf(expected) >= 0;
      case 'STARTS_WITH': return actual.indexOf(expected) === 0;
      case 'ENDS_WITH': return actual.length >= expected.length && actual.slice(actual.length - expected.length) === expected;
      case 'LESS_THAN': return compare(actual, expected) < 0;
      case 'LESS_THAN_OR_EQUAL_TO': return compare(actual, expected) <= 0;
      case 'GREATER_THAN': return compare(actual, expected) > 0;
      case 'GREATER_THAN_OR_EQUAL_TO': return compare(actual, expected) >= 0;
      default: return true;
    }
  }

  function allows(form, entry) {
    var actual = valueOf(form, entry);
    var all = (entry.conditions || []).every(function (condition) { return holds(condition, actual); });
    return entry.action === 'HIDE' ? !all : all;
  }

  function apply(form) {
    form.querySelectorAll('[data-conditions]').forEach(function (field) {
      var entries;
      try {
        entries = JSON.parse(field.getAttribute('data-conditions'));
      } catch (e) {
        return; // Leave the field as the server rendered it.
      }
      field.hidden = !entries.every(function (entry) { return allows(form, entry); });
    });
  }

  function init(root) {
    root.querySelectorAll('form').forEach(function (form) {
      if (form.querySelector('[data-conditions]')) {
        form.addEventListener('change', function () { apply(form); });
        form.addEventListener('input', function () { apply(form); });
        apply(form);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () { init(document); });
  document.addEventListener('portal:swapped', function () { init(document); });
})();
