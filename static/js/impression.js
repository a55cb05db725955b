/* Entraide — a printed page shows what closed <details> hide (FAQ answers, transcriptions):
   they are opened before printing and closed again after, as the reader left them. */
(function () {
    "use strict";
    var opened = [];

    window.addEventListener("beforeprint", function () {
        opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (details) {
            details.open = true;
            return true;
        });
    });
    window.addEventListener("afterprint", function () {
        opened.forEach(function (details) { details.open = false; });
        opened = [];
    });
})();
