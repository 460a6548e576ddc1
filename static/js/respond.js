/* The survey pages' one script. Everything here is extra: every page works and reads fully without it.

   Answers kept when the signal drops: what a young person types or picks on a page is kept in this
   tab's sessionStorage as they go, put back when the page opens again (a reload, or coming back after
   sending failed), and all of it is wiped the moment the answers are sent, so nothing of their words
   stays on a shared phone. The server stores a retried send once.

   Read-aloud: a "Listen" button beside each question (its words come from the page, in its language)
   reads the question, its hint and its answers one sentence at a time with the phone's own voice. It
   shows only when the phone has a voice for the page's language, and starts only when tapped.
*/
(function () {
  "use strict";
  var store;
  try { store = window.sessionStorage; store.getItem("x"); } catch (e) { store = null; }
  var PREFIX = "answers:";

  function forget(path) {
    if (!store) return;
    for (var i = store.length - 1; i >= 0; i--) {
      var key = store.key(i);
      if (key && key.indexOf(PREFIX + path) === 0) store.removeItem(key);
    }
  }

  function read(form) {
    var kept = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "hidden" || el.type === "submit") return;
      if (el.type === "radio") { if (el.checked) kept[el.name] = el.value; }
      else if (el.type === "checkbox") {
        kept[el.name] = kept[el.name] || [];
        if (el.checked) kept[el.name].push(el.value);
      } else kept[el.name] = el.value;
    });
    return kept;
  }

  function restore(form, kept) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !(el.name in kept)) return;
      var value = kept[el.name];
      if (el.type === "radio") el.checked = el.value === value;
      else if (el.type === "checkbox") el.checked = value.indexOf(el.value) !== -1;
      else if (el.type !== "hidden" && el.type !== "submit") el.value = value;
    });
  }

  function keep(form) {
    var key = PREFIX + form.getAttribute("data-keep");
    var saved = store.getItem(key);
    if (saved) { try { restore(form, JSON.parse(saved)); } catch (e) { store.removeItem(key); } }
    var save = function () { store.setItem(key, JSON.stringify(read(form))); };
    form.addEventListener("input", save);
    form.addEventListener("change", save);
  }

  if (store) {
    var sent = document.querySelector("[data-sent]");
    if (sent) forget(sent.getAttribute("data-sent"));
    Array.prototype.forEach.call(document.querySelectorAll("form[data-keep]"), keep);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-send]"), function (form) {
      form.addEventListener("submit", function () { forget(form.getAttribute("data-send")); });
    });
  }

  var synth = window.speechSynthesis;
  var page = document.querySelector("form[data-listen]");
  if (!synth || !page || !window.SpeechSynthesisUtterance) return;
  var lang = (document.documentElement.lang || "en").toLowerCase();

  function findVoice() {
    var voices = synth.getVoices() || [], near = null;
    for (var i = 0; i < voices.length; i++) {
      var code = String(voices[i].lang || "").toLowerCase().replace("_", "-");
      if (code === lang) return voices[i];
      if (!near && code.split("-")[0] === lang.split("-")[0]) near = voices[i];
    }
    return near;
  }

  function sentences(group) {
    var out = [];
    Array.prototype.forEach.call(group.querySelectorAll(".legend, .label, .hint, .choice-label"), function (el) {
      var text = (el.textContent || "").replace(/\s+/g, " ").trim();
      (text.match(/[^.!?\u061f\u06d4\u1362\u1367]+[.!?\u061f\u06d4\u1362\u1367]*/g) || []).forEach(function (s) {
        if (s.trim()) out.push(s.trim());
      });
    });
    return out;
  }

  function offer() {
    var voice = findVoice();
    if (!voice || page.querySelector(".listen")) return;
    Array.prototype.forEach.call(page.querySelectorAll(".group"), function (group) {
      var title = group.querySelector(".legend, .label");
      if (!title) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "listen";
      button.textContent = page.getAttribute("data-listen");
      button.addEventListener("click", function () {
        synth.cancel();
        sentences(group).forEach(function (text) {
          var said = new window.SpeechSynthesisUtterance(text);
          said.lang = voice.lang;
          said.voice = voice;
          synth.speak(said);
        });
      });
      title.parentNode.insertBefore(button, title.nextSibling);
    });
  }

  offer();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", offer);
  else synth.onvoiceschanged = offer;
})();
