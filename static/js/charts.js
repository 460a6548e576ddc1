/* Draws the report charts with the vendored plotly.js and lets sighted users show each chart's numbers.
   The numbers are always in the page as a table, which screen readers read; without JavaScript the
   tables simply stay visible. */
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }
  ready(function () {
    var config = {staticPlot: true, displayModeBar: false, responsive: true, displaylogo: false,
                  showLink: false, showSendToCloud: false};
    document.querySelectorAll("[data-figure]").forEach(function (box) {
      var source = document.getElementById(box.getAttribute("data-figure"));
      if (!source || typeof Plotly === "undefined") { return; }
      var figure = JSON.parse(source.textContent);
      Plotly.newPlot(box, figure.data, figure.layout, config).then(function () {
        box.setAttribute("data-drawn", "yes");
      });
    });
    document.querySelectorAll("[data-numbers]").forEach(function (numbers) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button-secondary button-small";
      button.setAttribute("aria-expanded", "false");
      button.textContent = "Show the numbers";
      numbers.classList.add("vh");
      button.addEventListener("click", function () {
        var hidden = numbers.classList.toggle("vh");
        button.textContent = hidden ? "Show the numbers" : "Hide the numbers";
        button.setAttribute("aria-expanded", hidden ? "false" : "true");
      });
      numbers.parentNode.insertBefore(button, numbers);
    });
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();
