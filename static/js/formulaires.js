/* Entraide — after a failed submit, the focus goes to the summary of the errors
   (templates/includes/form_errors.html), so that keyboard and screen reader users start from the
   list of what to correct; each of its links leads to its field. Without this script the page
   title, which starts with « Erreur », still says it. No build step, no dependency. */
(function () {
    "use strict";

    function focusSummary() {
        var summary = document.querySelector("[data-resume-erreurs]");
        var active = document.activeElement;
        // Never take the focus from a field the person has already reached.
        if (summary && (!active || active === document.body || active === summary)) {
            summary.focus();
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", focusSummary);
    } else {
        focusSummary();
    }
    // A form sent to an address with a fragment (#inscription) lands there once the page is
    // loaded, and the browser then resets the focus: put it back on the summary.
    window.addEventListener("load", function () {
        window.setTimeout(focusSummary, 0);
    });
})();
