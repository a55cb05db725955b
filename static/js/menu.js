/* Entraide — the header's menu on a phone (templates/includes/header.html) is a <details>: it
   opens and closes by tap, Enter or Space without this script, and the browser says whether it
   is expanded. This only adds what people expect of a menu that covers the page: Escape closes
   it and gives the focus back to its button, a tap outside closes it. From 60em the menu is
   always shown and its button hidden: then nothing here applies. No build step, no dependency. */
(function () {
    "use strict";

    function openMenu() {
        var menu = document.querySelector("details[data-menu][open]");
        var button = menu && menu.querySelector("summary");
        // A hidden button (wide screens) means the menu is not a disclosure there.
        return button && button.offsetParent !== null ? menu : null;
    }

    document.addEventListener("keydown", function (event) {
        var menu = openMenu();
        if (event.key !== "Escape" || !menu) {
            return;
        }
        var focusWasInside = menu.contains(document.activeElement);
        menu.open = false;
        if (focusWasInside) {
            menu.querySelector("summary").focus();
        }
    });

    document.addEventListener("click", function (event) {
        var menu = openMenu();
        if (menu && !menu.contains(event.target)) {
            menu.open = false;
        }
    });
})();
