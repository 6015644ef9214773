/*
 * The policy editor without round trips: "Add a statement", "Remove statement" and the presets change the rows in
 * the page, so nothing typed elsewhere in the form (a secret above all) is lost. Without JavaScript the same
 * buttons submit the form and the server edits the rows instead.
 */
(function () {
  'use strict';

  var FIELD = /^statements\[\d+\]\.(\w+)$/;

  function rows(editor) {
    return Array.prototype.slice.call(editor.querySelectorAll('[data-testid=statement]'));
  }

  /** Names, ids, labels, headings and remove buttons follow the rows' order, as the server binds them. */
  function renumber(editor) {
    rows(editor).forEach(function (row, index) {
      row.querySelectorAll('[name]').forEach(function (control) {
        var match = FIELD.exec(control.name);
        if (match) {
          control.name = 'statements[' + index + '].' + match[1];
          control.id = 'statements' + index + '.' + match[1];
        }
      });
      row.querySelectorAll('label[for]').forEach(function (label) {
        label.htmlFor = label.htmlFor.replace(/^statements\d+\./, 'statements' + index + '.');
      });
      var heading = row.querySelector('h3');
      if (heading) {
        heading.textContent = 'Statement ' + (index + 1);
      }
      var remove = row.querySelector('button[name=editPolicy]');
      if (remove) {
        remove.value = 'remove-' + index;
      }
    });
  }

  function blankRow(editor) {
    var template = editor.querySelector('template[data-statement-template]');
    return template.content.firstElementChild.cloneNode(true);
  }

  function fill(row, statement) {
    var values = {
      effect: statement.effect || 'allow',
      resources: (statement.resources || []).join('\n'),
      actions: (statement.actions || ['*']).join('\n'),
      notResources: (statement.notResources || []).join('\n'),
      notActions: (statement.notActions || []).join('\n')
    };
    row.querySelectorAll('[name]').forEach(function (control) {
      var match = FIELD.exec(control.name);
      if (match && values.hasOwnProperty(match[1])) {
        control.value = values[match[1]];
      }
    });
    return row;
  }

  function append(editor, row) {
    editor.querySelector('[data-statements]').appendChild(row);
  }

  function edit(editor, button) {
    var action = button.value;
    if (action === 'add') {
      append(editor, blankRow(editor));
    } else if (action.indexOf('remove-') === 0) {
      var row = button.closest('[data-testid=statement]');
      if (row) {
        row.remove();
      }
    } else if (action.indexOf('preset-') === 0 && button.getAttribute('data-preset')) {
      rows(editor).forEach(function (old) { old.remove(); });
      JSON.parse(button.getAttribute('data-preset')).forEach(function (statement) {
        append(editor, fill(blankRow(editor), statement));
      });
    } else {
      return false;
    }
    renumber(editor);
    var status = editor.querySelector('[data-policy-status]');
    if (status) {
      status.textContent = rows(editor).length + (rows(editor).length === 1 ? ' statement' : ' statements');
    }
    return true;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var editor = document.querySelector('[data-policy-editor]');
    if (!editor) {
      return;
    }
    editor.addEventListener('click', function (event) {
      var button = event.target.closest('button[name=editPolicy]');
      if (button && edit(editor, button)) {
        event.preventDefault();
      }
    });
  });
})();
