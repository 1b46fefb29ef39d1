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

  // The warning before an idle session ends (WCAG 2.2.1), in fragments/layout.html on signed-in pages only. The server
  // counts idle time from the session's last request, so the count restarts when the page loads, after each request
  // the page makes (htmx), and when another tab of the same session makes one (told through localStorage). At the
  // warning time the dialog opens; 続ける posts to /session/extend, itself a request; Escape or closing the dialog
  // means the same, since the reader is evidently there. When the time is up the dialog says so and the page stays as
  // it is, so that what was typed can be copied. Times are read from the clock: a background tab's timers fire late.
  var SESSION_ACTIVITY = 'tsunagu-session-activity';

  function sessionWarning(dialog) {
    var idleMs = Number(dialog.getAttribute('data-idle-seconds')) * 1000;
    var warningMs = Number(dialog.getAttribute('data-warning-seconds')) * 1000;
    var extendForm = dialog.querySelector('form');
    var unreachable = document.getElementById('session-unreachable');
    var state = 'active'; // 'warning' while the dialog asks; 'ended' once the session is gone, for good
    var deadline = 0;
    var timer = null;

    function show(part, headingId, textId) {
      dialog.querySelectorAll('[data-session-state]').forEach(function (element) {
        element.hidden = element.getAttribute('data-session-state') !== part;
      });
      document.getElementById('session-ended-text').hidden = textId !== 'session-ended-text';
      document.getElementById('session-gone-text').hidden = textId !== 'session-gone-text';
      dialog.setAttribute('aria-labelledby', headingId);
      dialog.setAttribute('aria-describedby', textId);
    }

    function warn() {
      state = 'warning';
      show('warning', 'session-warning-heading', 'session-warning-text');
      unreachable.hidden = true;
      if (!dialog.open) {
        dialog.showModal();
      }
      document.getElementById('session-extend').focus();
    }

    // Opened anew, so that a screen reader announces the new heading and text. Focus goes to 閉じる, not to signing
    // in: a reflexive Enter must not leave the page, and what was typed on it, before it is copied.
    function end(textId) {
      state = 'ended';
      window.clearTimeout(timer);
      // Signing in again leads back here: the link asks for this page, which the server keeps while the reader signs
      // in (Spring Security's saved request) and returns to afterwards.
      var here = window.location.pathname + window.location.search;
      ['session-sign-in', 'signed-out-sign-in'].forEach(function (id) {
        var link = document.getElementById(id);
        if (link) {
          link.setAttribute('href', here);
        }
      });
      if (dialog.open) {
        dialog.close();
      }
      show('ended', 'session-ended-heading', textId);
      dialog.showModal();
      document.getElementById('session-close').focus();
    }

    function check() {
      window.clearTimeout(timer);
      if (state === 'ended') {
        return;
      }
      var now = Date.now();
      if (now >= deadline) {
        end('session-ended-text');
        return;
      }
      if (state === 'active' && now >= deadline - warningMs) {
        warn();
      }
      var next = state === 'active' ? deadline - warningMs : deadline;
      timer = window.setTimeout(check, next - now);
    }

    // until: another tab's new deadline; without it, a request of this page's has just been answered.
    function restart(until) {
      if (state === 'ended') {
        return;
      }
      deadline = Math.max(deadline, until || Date.now() + idleMs);
      if (!until) {
        try {
          window.localStorage.setItem(SESSION_ACTIVITY, String(deadline));
        } catch (storageUnavailable) {
          // this tab counts for itself
        }
      }
      if (state === 'warning' && Date.now() < deadline - warningMs) {
        state = 'active';
        dialog.close();
      }
      check();
    }

    function extend() {
      window.fetch(extendForm.action, {
        method: 'POST', body: new URLSearchParams(new FormData(extendForm)), credentials: 'same-origin',
        redirect: 'manual'
      }).then(function (response) {
        if (response.status === 204) {
          restart();
        } else if (response.status >= 500) {
          stillWarning();
        } else {
          // 401, 403 or a redirect to the login page: the session had ended already
          end('session-gone-text');
        }
      }, stillWarning);
    }

    function stillWarning() {
      if (state === 'warning') {
        warn();
        unreachable.hidden = false;
      }
    }

    // Closed with 閉じる or Escape: the page says for good that it is signed out, and focus stays where it returns.
    function showSignedOut() {
      var notice = document.getElementById('signed-out-notice');
      var main = document.querySelector('main');
      if (main && notice.parentNode !== main) {
        main.insertBefore(notice, main.firstChild);
      }
      notice.hidden = false;
    }

    extendForm.addEventListener('submit', function (event) {
      event.preventDefault();
      extend();
    });
    dialog.addEventListener('close', function () {
      if (state === 'warning') {
        extend();
      } else if (state === 'ended') {
        showSignedOut();
      }
    });
    document.getElementById('session-close').addEventListener('click', function () { dialog.close(); });
    document.addEventListener('htmx:afterRequest', function (event) {
      // status 0: the request never reached the server
      if (event.detail && event.detail.xhr && event.detail.xhr.status > 0) {
        restart();
      }
    });
    window.addEventListener('storage', function (event) {
      if (event.key === SESSION_ACTIVITY && event.newValue) {
        restart(Number(event.newValue));
      }
    });
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden) {
        check();
      }
    });
    restart();
  }

  // The task list refreshes itself, and every refresh is a request that keeps the session open: left alone, an
  // unattended screen would stay signed in for ever. So a refresh is sent only while someone has used the page within
  // the session's idle limit (data-refresh-while-used-seconds); after that the list says it has stopped, and the
  // session runs out, with its warning, as on any other page. Any use of the page starts the refreshes again.
  var lastUse = Date.now();
  ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, function () {
      lastUse = Date.now();
      var paused = document.getElementById('refresh-paused');
      if (paused) {
        paused.hidden = true;
      }
    }, {capture: true, passive: true});
  });
  document.addEventListener('htmx:beforeRequest', function (event) {
    var element = event.detail && event.detail.elt;
    var seconds = element && Number(element.getAttribute('data-refresh-while-used-seconds'));
    if (seconds && Date.now() - lastUse >= seconds * 1000) {
      event.preventDefault();
      var paused = document.getElementById('refresh-paused');
      if (paused) {
        paused.hidden = false;
      }
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    var sessionDialog = document.getElementById('session-warning');
    if (sessionDialog && typeof sessionDialog.showModal === 'function') {
      sessionWarning(sessionDialog);
    }
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
