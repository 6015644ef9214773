/*
 * Shows and hides fields that depend on another field (manifest "dependsOn"), live. The server applies the same
 * rule when it renders the form and when it validates it, so this only saves a round trip.
 */
(function () {
  'use strict';

  function valueOf(form, name) {
    var inputs = form.querySelectorAll('[name="' + name.replace(/"/g, '\\"') + '"]');
    if (inputs.length === 0) {
      return '';
    }
    var input = inputs[0];
    if (input.type === 'checkbox') {
      return input.checked ? 'true' : 'false';
    }
    return input.value || '';
  }

  function holds(operator, actual, expected) {
    var a = parseFloat(actual), b = parseFloat(expected), numbers = !isNaN(a) && !isNaN(b);
    switch (operator) {
      case 'EQUAL_TO': return actual === expected;
      case 'NOT_EQUAL': return actual !== expected;
      case 'CONTAINS': return actual.indexOf(expected) >= 0;
      case 'STARTS_WITH': return actual.indexOf(expected) === 0;
      case 'ENDS_WITH': return actual.slice(-expected.length) === expected;
      case 'LESS_THAN': return numbers ? a < b : actual < expected;
      case 'LESS_THAN_OR_EQUAL_TO': return numbers ? a <= b : actual <= expected;
      case 'GREATER_THAN': return numbers ? a > b : actual > expected;
      case 'GREATER_THAN_OR_EQUAL_TO': return numbers ? a >= b : actual >= expected;
      default: return true;
    }
  }

  function apply(form) {
    form.querySelectorAll('[data-depends-on]').forEach(function (field) {
      var condition = holds(field.getAttribute('data-depends-operator'), valueOf(form, field.getAttribute('data-depends-on')),
        field.getAttribute('data-depends-value') || '');
      var show = field.getAttribute('data-depends-action') === 'HIDE' ? !condition : condition;
      field.hidden = !show;
    });
  }

  function init(root) {
    root.querySelectorAll('form').forEach(function (form) {
      if (form.querySelector('[data-depends-on]')) {
        form.addEventListener('change', function () { apply(form); });
        form.addEventListener('input', function () { apply(form); });
        apply(form);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () { init(document); });
  document.addEventListener('portal:swapped', function () { init(document); });
})();
