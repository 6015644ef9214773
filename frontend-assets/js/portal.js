/*
 * LD Portal's progressive enhancements. Every page works without this file; it only saves round trips.
 *
 * - [data-swap-target] on a form control: when it changes, the whole form is POSTed (FormData, which carries the
 *   CSRF token) to the control's data-swap-url, and the element with the id in data-swap-target is replaced by the
 *   server-rendered fragment. Values never travel in a URL, so secrets stay out of access logs.
 * - [data-copy-target]: a button that copies the text of the element with that id.
 * - time[data-local]: shows an ISO instant in the reader's local time (UTC stays in the title).
 * - .no-js-only: hidden once scripts run (for example the "Show fields" fallback button).
 * - [data-live-url]: a part of the page that changes on its own (a plan's steps while it runs): every two seconds
 *   it is read again from that address and replaced, until the new one no longer says it is live. Without this
 *   file the page offers a link to reload it.
 * - form[data-sends]: once sent, its buttons are disabled until the answer comes, so a second click does not send
 *   it again (a nicety: the one-time submission token is what makes a second submit send nothing).
 */
(function () {
  'use strict';

  document.documentElement.classList.add('js');

  function announce(form, message) {
    var region = form.querySelector('[data-swap-status]') || document.getElementById('swap-status');
    if (!region) {
      region = document.createElement('div');
      region.id = 'swap-status';
      region.className = 'alert alert--warning';
      region.setAttribute('role', 'alert');
      form.insertBefore(region, form.firstChild);
    }
    region.hidden = false;
    region.textContent = message;
  }

  function swap(control) {
    var form = control.form;
    var target = document.getElementById(control.getAttribute('data-swap-target'));
    if (!form || !target) {
      return;
    }
    target.setAttribute('aria-busy', 'true');
    fetch(control.getAttribute('data-swap-url'), {
      method: 'POST',
      body: new FormData(form),
      headers: { 'X-Requested-With': 'fetch' },
      credentials: 'same-origin'
    }).then(function (response) {
      if (response.status === 403 && response.headers.get('X-Portal-Refusal') === 'not-allowed') {
        announce(form, 'You may not use the project or environment chosen. Reload the page to see the ones you may use.');
        return null;
      }
      if (response.status === 401 || response.status === 403) {
        announce(form, 'Your session has expired. Please reload the page to sign in again; what you typed here is still on the page.');
        return null;
      }
      if (!response.ok) {
        announce(form, 'The fields could not be updated (error ' + response.status + '). Use the "Show fields" button or reload the page.');
        return null;
      }
      return response.text();
    }).then(function (html) {
      if (html === null) {
        return;
      }
      var holder = document.createElement('div');
      holder.innerHTML = html;
      var replacement = holder.firstElementChild;
      if (replacement) {
        target.replaceWith(replacement);
        init(replacement);
        document.dispatchEvent(new CustomEvent('portal:swapped', { detail: { element: replacement } }));
      }
    }).catch(function () {
      announce(form, 'The portal could not be reached. Check your connection and try again.');
    }).finally(function () {
      target.removeAttribute('aria-busy');
    });
  }

  function copy(button) {
    var source = document.getElementById(button.getAttribute('data-copy-target'));
    if (!source || !navigator.clipboard) {
      return;
    }
    var text = 'value' in source && source.value !== undefined ? source.value : source.textContent;
    navigator.clipboard.writeText(text).then(function () {
      var original = button.textContent;
      button.textContent = 'Copied';
      setTimeout(function () { button.textContent = original; }, 2000);
    });
  }

  function localTimes(root) {
    root.querySelectorAll('time[data-local]').forEach(function (time) {
      var date = new Date(time.getAttribute('datetime'));
      if (!isNaN(date.getTime())) {
        time.title = date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
        time.textContent = date.toLocaleString();
      }
    });
  }

  function sending(form) {
    form.addEventListener('submit', function () {
      // After the browser has read the clicked button's name and value, which a disabled button would not send.
      setTimeout(function () {
        form.setAttribute('aria-busy', 'true');
        form.querySelectorAll('button').forEach(function (button) { button.disabled = true; });
      }, 0);
    });
  }

  // Back to a page that was sent (the browser's page cache): its buttons work again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-sends]').forEach(function (form) {
      form.removeAttribute('aria-busy');
      form.querySelectorAll('button').forEach(function (button) { button.disabled = false; });
    });
  });

  function live(region) {
    setTimeout(function () {
      fetch(region.getAttribute('data-live-url'), { headers: { 'X-Requested-With': 'fetch' } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(region.id);
          if (!fresh) {
            return;
          }
          region.innerHTML = fresh.innerHTML;
          localTimes(region);
          if (fresh.hasAttribute('data-live-url')) {
            live(region);
          }
          else {
            // Finished: the whole page again, so that its buttons (resume, undo) are there.
            window.location.reload();
          }
        })
        .catch(function () { /* The reload link stays: the reader can look again. */ });
    }, 2000);
  }

  function init(root) {
    root.querySelectorAll('[data-live-url]').forEach(live);
    root.querySelectorAll('form[data-sends]').forEach(sending);
    root.querySelectorAll('[data-swap-target]').forEach(function (control) {
      control.addEventListener('change', function () { swap(control); });
    });
    root.querySelectorAll('[data-copy-target]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { copy(button); });
    });
    localTimes(root);
  }

  document.addEventListener('DOMContentLoaded', function () { init(document); });
})();
