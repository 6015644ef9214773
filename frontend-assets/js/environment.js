/*
 * The "new environment" form: derives the key from the name while the person types (until they edit the key
 * themselves) and keeps the colour picker, the hex field and the swatch in step. The same key rule is applied
 * on the server (EnvironmentKeys), which also derives the key when the field is left empty.
 */
(function () {
  'use strict';

  function derive(name) {
    return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .toLowerCase().trim()
      .replace(/\s+/g, '-')
      .replace(/[^a-z0-9._-]/g, '')
      .replace(/-{2,}/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .replace(/-+$/, '')
      .slice(0, 255); // the same limit as EnvironmentKeys.MAX_LENGTH
  }

  document.addEventListener('DOMContentLoaded', function () {
    var name = document.getElementById('name');
    var key = document.getElementById('key');
    if (name && key) {
      // Keep deriving only while the key is empty or still what the name gave.
      var derived = key.value === '' || key.value === derive(name.value);
      name.addEventListener('input', function () {
        if (derived) {
          key.value = derive(name.value);
        }
      });
      key.addEventListener('input', function () {
        derived = key.value === '' || key.value === derive(name.value);
      });
    }

    var picker = document.getElementById('color-picker');
    var hex = document.getElementById('color');
    var swatch = document.getElementById('color-swatch');
    function show(value) {
      if (/^[0-9a-fA-F]{6}$/.test(value)) {
        swatch.setAttribute('fill', '#' + value);
        picker.value = '#' + value.toLowerCase();
      }
    }
    if (picker && hex && swatch) {
      picker.addEventListener('input', function () {
        hex.value = picker.value.replace('#', '');
        show(hex.value);
      });
      hex.addEventListener('input', function () {
        show(hex.value.replace('#', ''));
      });
    }
  });
})();
