/*
 * Archipelago demo SCORM package: the runtime glue both SCOs share (SCORM 2004 3rd edition).
 * Original code written for Archipelago (Apache-2.0). A plain script without libraries or a build
 * step, so any LMS and current browser can play it.
 *
 * Each SCO page is a <main data-sco="guide|check"> with <section data-page> parts shown one at a
 * time. Where the learner is goes to cmi.location, what they did to cmi.suspend_data, and
 * cmi.exit stays "suspend" until the SCO is finished, so leaving halfway resumes at the same page.
 */
/* global window, document */
(function () {
  'use strict';

  var startedAt = Date.now();

  /** The LMS's API_1484_11 on this window, a parent frame, or the window that opened this one. */
  function findApi(win) {
    for (var depth = 0; win && depth < 10; depth += 1) {
      try {
        if (win.API_1484_11) return win.API_1484_11;
      } catch {
        return null; // another origin: stop climbing
      }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  var api = findApi(window) || (window.opener ? findApi(window.opener) : null);
  var live = false;
  var terminated = false;

  function get(name) {
    return live ? String(api.GetValue(name)) : '';
  }
  function set(name, value) {
    if (live && !terminated) api.SetValue(name, String(value));
  }
  function commit() {
    if (live && !terminated) api.Commit('');
  }
  /** Ends the session once, optionally asking the LMS to go on (adl.nav.request). */
  function finish(request) {
    if (!live || terminated) return;
    set('cmi.session_time', 'PT' + Math.round((Date.now() - startedAt) / 1000) + 'S');
    if (request) set('adl.nav.request', request);
    terminated = true;
    api.Terminate('');
  }

  function readState() {
    try {
      var data = JSON.parse(get('cmi.suspend_data') || 'null');
      return data && typeof data === 'object' ? data : null;
    } catch {
      return null;
    }
  }

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  /** Shows one part; moves focus to its heading when the learner asked for the move. */
  function showPage(pages, index, moveFocus) {
    pages.forEach(function (page, i) {
      page.hidden = i !== index;
    });
    if (moveFocus) {
      var heading = pages[index].querySelector('h2');
      if (heading) heading.focus();
    }
  }

  function onAction(name, handler) {
    all('[data-action="' + name + '"]').forEach(function (button) {
      button.addEventListener('click', handler);
    });
  }

  function startedPage(pages, stored) {
    var location = parseInt(get('cmi.location'), 10);
    return location >= 0 && location < pages.length ? location : stored || 0;
  }

  /* ---- SCO 1: the guide, a few pages read in order ---- */
  function guide() {
    var pages = all('[data-page]');
    var seen = {};
    var current = 0;
    var state = readState();
    if (state && state.seen) {
      state.seen.forEach(function (i) {
        seen[i] = true;
      });
    }
    current = startedPage(pages, 0);

    function record() {
      var count = Object.keys(seen).length;
      var completed = count >= pages.length || get('cmi.completion_status') === 'completed';
      set('cmi.location', current);
      set('cmi.suspend_data', JSON.stringify({ seen: Object.keys(seen).map(Number) }));
      set('cmi.progress_measure', (count / pages.length).toFixed(2));
      set('cmi.completion_status', completed ? 'completed' : 'incomplete');
      set('cmi.exit', 'suspend');
      commit();
    }
    function go(index, moveFocus) {
      current = Math.max(0, Math.min(pages.length - 1, index));
      seen[current] = true;
      showPage(pages, current, moveFocus);
      record();
    }
    onAction('next', function () {
      go(current + 1, true);
    });
    onAction('previous', function () {
      go(current - 1, true);
    });
    onAction('continue', function () {
      set('cmi.exit', 'normal');
      finish('continue');
    });
    go(current, false);
  }

  /* ---- SCO 2: the self-check, one question per page, then the result ---- */
  function check() {
    var pages = all('[data-page]');
    var questions = all('fieldset[data-correct]');
    var resultPage = pages.length - 1;
    var state = readState() || {};
    var answers = state.answers || [];
    var submitted = !!state.submitted;
    var current = startedPage(pages, 0);
    var alertBox = document.getElementById('unanswered');

    questions.forEach(function (fieldset, q) {
      all('input[type="radio"]', fieldset).forEach(function (input) {
        input.checked = answers[q] === input.value;
        input.addEventListener('change', function () {
          answers[q] = input.value;
          record();
        });
      });
    });

    function passingScore() {
      var value = parseFloat(get('cmi.scaled_passing_score'));
      return isNaN(value) ? 0.6 : value;
    }
    function correctCount() {
      return questions.filter(function (fieldset, q) {
        return answers[q] === fieldset.getAttribute('data-correct');
      }).length;
    }
    function record() {
      var answered = answers.filter(Boolean).length;
      set('cmi.location', current);
      set('cmi.suspend_data', JSON.stringify({ answers: answers, submitted: submitted }));
      if (get('cmi.completion_status') !== 'completed') {
        set('cmi.progress_measure', (answered / (questions.length + 1)).toFixed(2));
        set('cmi.completion_status', 'incomplete');
      }
      set('cmi.exit', submitted ? 'normal' : 'suspend');
      commit();
    }
    function showResult() {
      var right = correctCount();
      var scaled = right / questions.length;
      var passed = scaled >= passingScore();
      var summary = document.getElementById('result-summary');
      summary.className = passed ? 'passed' : 'failed';
      summary.textContent =
        'You answered ' +
        right +
        ' of ' +
        questions.length +
        ' questions well. ' +
        (passed
          ? 'This service team would be ready to plan its move online.'
          : 'Read the feedback below, then try again.');
      questions.forEach(function (fieldset, q) {
        var verdict = document.querySelector('[data-verdict="' + q + '"]');
        if (verdict) {
          verdict.textContent =
            answers[q] === fieldset.getAttribute('data-correct') ? 'Right. ' : 'Not quite. ';
        }
      });
      all('[data-action="retry"]').forEach(function (button) {
        button.hidden = passed;
      });
      return { right: right, scaled: scaled, passed: passed };
    }
    function submit() {
      var missing = -1;
      questions.forEach(function (fieldset, q) {
        if (missing < 0 && !answers[q]) missing = q;
      });
      if (missing >= 0) {
        alertBox.textContent = 'Answer question ' + (missing + 1) + ' first.';
        go(missing, true);
        return;
      }
      alertBox.textContent = '';
      submitted = true;
      var result = showResult();
      var base = parseInt(get('cmi.interactions._count'), 10) || 0;
      questions.forEach(function (fieldset, q) {
        var n = 'cmi.interactions.' + (base + q) + '.';
        var right = answers[q] === fieldset.getAttribute('data-correct');
        set(n + 'id', 'service-check-q' + (q + 1));
        set(n + 'type', 'choice');
        set(n + 'description', fieldset.querySelector('legend').textContent.slice(0, 250));
        set(n + 'correct_responses.0.pattern', fieldset.getAttribute('data-correct'));
        set(n + 'learner_response', answers[q]);
        set(n + 'result', right ? 'correct' : 'incorrect');
        set(n + 'weighting', '1');
      });
      set('cmi.score.min', '0');
      set('cmi.score.max', String(questions.length));
      set('cmi.score.raw', String(result.right));
      set('cmi.score.scaled', result.scaled.toFixed(4));
      set('cmi.success_status', result.passed ? 'passed' : 'failed');
      set('cmi.progress_measure', '1');
      set('cmi.completion_status', 'completed');
      go(resultPage, true);
    }
    function go(index, moveFocus) {
      current = Math.max(0, Math.min(submitted ? resultPage : resultPage - 1, index));
      showPage(pages, current, moveFocus);
      record();
    }

    onAction('next', function () {
      go(current + 1, true);
    });
    onAction('previous', function () {
      go(current - 1, true);
    });
    onAction('submit', submit);
    onAction('retry', function () {
      answers = [];
      submitted = false;
      all('input[type="radio"]').forEach(function (input) {
        input.checked = false;
      });
      go(0, true);
    });
    onAction('continue', function () {
      finish('continue');
    });
    if (submitted) showResult();
    go(submitted ? resultPage : current, false);
  }

  function start() {
    if (api && String(api.Initialize('')) === 'true') {
      live = true;
    } else {
      all('[data-offline]').forEach(function (note) {
        note.hidden = false;
      });
    }
    var main = document.querySelector('main[data-sco]');
    if (main && main.getAttribute('data-sco') === 'guide') guide();
    if (main && main.getAttribute('data-sco') === 'check') check();
  }

  // Leaving the page (closing the tab, another part chosen in the LMS) ends the session with
  // cmi.exit as it stands: "suspend" while unfinished, so the next launch resumes here.
  window.addEventListener('pagehide', function () {
    finish('');
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
