/* The share page's "Copy the link" button: shown only when this script runs, since the link is
   already in a text box anyone can select and copy without it. */
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var box = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-copied"));
    if (!box) { return; }
    button.hidden = false;
    function said(words) { if (status) { status.textContent = words; } }
    button.addEventListener("click", function () {
      box.focus();
      box.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(box.value).then(function () { said("Copied the link."); },
          function () { said("Could not copy: the link is selected, so press Ctrl and C."); });
      } else {
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
        said(copied ? "Copied the link." : "Could not copy: the link is selected, so press Ctrl and C.");
      }
    });
  });
}());
