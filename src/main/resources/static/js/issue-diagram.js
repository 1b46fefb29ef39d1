// Draws the level process with bpmn-js and highlights where the issue stands now.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    var container = document.getElementById('diagram');
    if (!container) {
      return;
    }
    var fail = function () {
      container.setAttribute('data-error', 'true');
      var current = document.getElementById('diagram-current');
      if (current) {
        current.textContent = container.getAttribute('data-error-text');
      }
      container.textContent = '';
    };
    if (typeof window.BpmnJS !== 'function') {
      fail();
      return;
    }
    // The diagram's names are bilingual, "受付 (Acknowledge)"; the sentence beside it speaks the page's language only.
    var inPageLanguage = function (name) {
      var parts = /^(.+) \((.+)\)$/.exec(name);
      if (!parts) {
        return name;
      }
      return document.documentElement.lang === 'en' ? parts[2] : parts[1];
    };
    var get = function (url, type) {
      return fetch(url, { credentials: 'same-origin', headers: { Accept: type } }).then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return type === 'application/json' ? response.json() : response.text();
      });
    };
    Promise.all([
      get(container.getAttribute('data-bpmn-url'), 'application/xml'),
      get(container.getAttribute('data-activities-url'), 'application/json')
    ]).then(function (results) {
      container.textContent = '';
      var viewer = new window.BpmnJS({ container: container });
      return viewer.importXML(results[0]).then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport');
        var names = [];
        (results[1].activities || []).forEach(function (id) {
          var element = registry.get(id);
          if (element) {
            canvas.addMarker(id, 'highlight');
            if (element.type !== 'bpmn:SubProcess' && element.businessObject.name) {
              names.push(inPageLanguage(element.businessObject.name));
            }
          }
        });
        container.setAttribute('data-highlighted', (results[1].activities || []).join(' '));
        var current = document.getElementById('diagram-current');
        if (current && names.length) {
          current.textContent = current.getAttribute('data-template').replace('{0}', names.join(current.getAttribute('data-separator') || '、'));
        }
      });
    }).catch(fail);
  });
})();
