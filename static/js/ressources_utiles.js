/* Entraide — while a demande is written, the guides, modèles, fiches and ateliers that may help
   (issue 19, point 6).

   Progressive enhancement: the annonce form works without this script (its preview and the
   demande's page list the same pages). With it, the section [data-ressources-utiles] is shown
   when « Demande » is chosen, and after a pause in typing the title or the description, its
   live region (aria-live="polite") gets the HTML fragment of /bourse/ressources-utiles/ (our
   own server's, escaped by its templates). One request at a time: a newer one aborts the
   older. No build step, no dependency. */
(function () {
    "use strict";

    var DELAY = 700;
    var MIN_LENGTH = 4;
    var LIMITS = { titre: 150, description: 4000 };

    function init(section) {
        var form = section.closest("form");
        var region = section.querySelector("[aria-live]");
        if (!form || !region) {
            return;
        }
        var url = section.getAttribute("data-ressources-utiles");
        var timer = null;
        var controller = null;
        var last = null;

        function sens() {
            var checked = form.querySelector("input[name='sens']:checked");
            return checked ? checked.value : "";
        }

        function value(name) {
            var field = form.elements.namedItem(name);
            return field && field.value ? field.value.slice(0, LIMITS[name]) : "";
        }

        function refresh() {
            var isDemande = sens() === "demande";
            section.hidden = !isDemande;
            var titre = value("titre");
            var description = value("description");
            var key = titre + "\u0000" + description;
            if (!isDemande || (titre + description).trim().length < MIN_LENGTH || key === last) {
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            var query = new URLSearchParams({ titre: titre, description: description });
            fetch(url + "?" + query.toString(), {
                signal: controller.signal,
                headers: { Accept: "text/html" },
                credentials: "same-origin"
            }).then(function (response) {
                // 400 and 429 answer a fragment too, with their message.
                return response.text().then(function (html) {
                    last = response.ok ? key : null;
                    region.innerHTML = html;
                });
            }).catch(function () {
                /* aborted by a newer request, or offline: the list stays as it was */
            });
        }

        function later() {
            window.clearTimeout(timer);
            timer = window.setTimeout(refresh, DELAY);
        }

        form.addEventListener("input", function (event) {
            if (event.target.name === "titre" || event.target.name === "description") {
                later();
            }
        });
        form.addEventListener("change", function (event) {
            if (event.target.name === "sens") {
                refresh();
            }
        });
    }

    document.querySelectorAll("[data-ressources-utiles]").forEach(init);
}());
