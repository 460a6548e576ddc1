/* The survey pages' one script. Everything here is extra: every page works and reads fully without it.

   Answers kept when the signal drops: what a young person types or picks on a page is kept in this
   tab's sessionStorage as they go, put back when the page opens again (a reload, or coming back after
   sending failed), and all of it is wiped the moment the answers are sent, so nothing of their words
   stays on a shared phone. The server stores a retried send once.
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
})();
