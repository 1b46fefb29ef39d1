// Small behaviours for every page. No inline scripts: the Content-Security-Policy allows only files served by the app.
(function () {
  'use strict';

  // A form with data-confirm asks its question first (an action that cannot be undone, WCAG 3.3.4); "cancel" sends
  // nothing. Registered before the listener below, which leaves a cancelled submit alone.
  document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // A form marked data-submit-once disables its submit buttons when sent, so a double click sends it once.
  // The server is the real guard (the raise form's idempotency token); this only spares people the second request.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-submit-once') || event.defaultPrevented) {
      return;
    }
    if (form.getAttribute('data-submitted') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-submitted', 'true');
    window.setTimeout(function () {
      form.querySelectorAll('button[type="submit"]').forEach(function (button) {
        button.disabled = true;
        button.setAttribute('aria-disabled', 'true');
      });
    }, 0);
  });

  // A checkbox with data-reveals shows the named group only while it is ticked (the personal-details field).
  function syncReveal(checkbox) {
    var group = document.getElementById(checkbox.getAttribute('data-reveals'));
    if (group) {
      group.hidden = !checkbox.checked;
    }
  }

  // A select with data-fills="<name> …" copies its chosen option's data-fill-<name> values into the same form's fields
  // of those names (lower case; an option without the attribute empties the field). The rename forms show the current
  // names this way, the SLA form the current targets. On load it fills only empty fields, so that a refused form keeps
  // what was typed.
  // A select counts as empty while the page chose none of its options (a refused form's choice is marked selected).
  function isEmpty(field) {
    return field.tagName === 'SELECT' ? field.querySelector('option[selected]') === null : field.value === '';
  }

  function fill(select, onlyEmpty) {
    var option = select.options[select.selectedIndex];
    if (!option || !select.form) {
      return;
    }
    var names = (select.getAttribute('data-fills') || '').split(/\s+/).filter(Boolean);
    select.form.querySelectorAll('input[name], select[name]').forEach(function (field) {
      var name = field.name.toLowerCase();
      if (field === select || names.indexOf(name) < 0 || (onlyEmpty && !isEmpty(field))) {
        return;
      }
      field.value = option.getAttribute('data-fill-' + name) || '';
    });
  }

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('select[data-fills]')) {
      fill(event.target, false);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-reveals]').forEach(function (checkbox) {
      syncReveal(checkbox);
      checkbox.addEventListener('change', function () { syncReveal(checkbox); });
    });
    document.querySelectorAll('select[data-fills]').forEach(function (select) { fill(select, true); });
    // The answer to what was just sent (the error summary, "acknowledged"): a screen reader does not announce an
    // alert that is already there when the page loads, so focus moves to it, and the next Tab goes on from there.
    var notice = document.querySelector('[data-focus-on-load]');
    if (notice) {
      notice.focus();
    }
  });
})();
