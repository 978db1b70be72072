// The chapter quiz on the page: "Check" marks the answer right or wrong and shows the
// explanation; results are kept in localStorage (per chapter), so the score survives a reload.
(function () {
  "use strict";
  function load(key) {
    try { return JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (e) { return {}; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage may be off */ }
  }

  document.querySelectorAll("section.quiz").forEach(function (quiz) {
    var key = "ztm-quiz-" + quiz.dataset.quiz;
    var results = load(key);
    var forms = quiz.querySelectorAll("form.quiz-q");
    var score = quiz.querySelector(".quiz-score");

    function showScore() {
      var answered = Object.keys(results).length;
      var right = Object.keys(results).filter(function (k) { return results[k].right; }).length;
      score.textContent = answered === 0 ? "Score: nothing answered yet." :
        "Score: " + right + " of " + forms.length + " right (" + answered + " answered; kept in this browser).";
    }
    function mark(form, right) {
      var verdict = form.querySelector(".quiz-verdict");
      verdict.textContent = right ? "Right." : "Not quite: " + expected(form) + ".";
      verdict.className = "quiz-verdict " + (right ? "right" : "wrong");
      form.querySelector(".quiz-explanation").hidden = false;
    }
    function expected(form) {
      if (form.dataset.type === "choice") {
        var letter = String.fromCharCode(97 + Number(form.dataset.answer));
        return "the answer is (" + letter + ")";
      }
      var tolerance = Number(form.dataset.tolerance);
      return "the answer is " + form.dataset.answer + (tolerance ? " (± " + tolerance + ")" : "");
    }
    function given(form) {
      if (form.dataset.type === "choice") {
        var picked = form.querySelector("input[type=radio]:checked");
        return picked ? Number(picked.value) : null;
      }
      var text = form.querySelector("input[type=number]").value.trim();
      return text === "" ? null : Number(text);
    }
    function isRight(form, value) {
      if (form.dataset.type === "choice") return value === Number(form.dataset.answer);
      return Math.abs(value - Number(form.dataset.answer)) <= Number(form.dataset.tolerance);
    }

    forms.forEach(function (form, i) {
      var previous = results[i];
      if (previous) {
        if (form.dataset.type === "choice") {
          var radio = form.querySelector('input[value="' + previous.value + '"]');
          if (radio) radio.checked = true;
        } else {
          form.querySelector("input[type=number]").value = previous.value;
        }
        mark(form, previous.right);
      }
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var value = given(form);
        if (value === null || Number.isNaN(value)) {
          form.querySelector(".quiz-verdict").textContent = "Pick or type an answer first.";
          return;
        }
        var right = isRight(form, value);
        results[i] = { value: value, right: right };
        save(key, results);
        mark(form, right);
        showScore();
      });
    });
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "quiz-reset";
    reset.textContent = "Start the quiz again";
    reset.addEventListener("click", function () {
      results = {};
      save(key, results);
      forms.forEach(function (form) {
        form.reset();
        form.querySelector(".quiz-verdict").textContent = "";
        form.querySelector(".quiz-verdict").className = "quiz-verdict";
        form.querySelector(".quiz-explanation").hidden = true;
      });
      showScore();
    });
    score.after(reset);
    showScore();
  });
})();
