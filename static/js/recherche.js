/* Entraide — suggestions as you type in the search boxes.

   Progressive enhancement: every box is a plain GET form that works without this script.
   Each <input data-suggestions-url> becomes a WAI-ARIA 1.2 combobox with a list popup
   (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): the focus stays in the box, the
   arrow keys move through the suggestions (aria-activedescendant), Enter opens the highlighted
   one or else submits the search, Escape closes the list. The number of suggestions is
   announced in a polite live region. The messages come, translated, from the attributes of
   this <script> tag in base.html. No build step, no dependency. */
(function () {
    "use strict";

    var MIN_LENGTH = 2;
    var DELAY = 150;
    var script = document.currentScript;
    var messages = {
        liste: "Suggestions",
        une: "1 suggestion",
        plusieurs: "{n} suggestions",
        aucune: ""
    };
    if (script) {
        Object.keys(messages).forEach(function (key) {
            if (script.dataset[key] !== undefined) {
                messages[key] = script.dataset[key];
            }
        });
    }

    function announcement(count) {
        if (count === 0) {
            return messages.aucune;
        }
        return count === 1 ? messages.une : messages.plusieurs.replace("{n}", String(count));
    }

    function Combobox(input, number) {
        this.input = input;
        this.url = input.getAttribute("data-suggestions-url");
        this.suggestions = [];
        this.active = -1;
        this.timer = null;
        this.sequence = 0;
        this.controller = null;
        this.cache = new Map();

        var id = (input.id || "recherche-" + number) + "-suggestions";
        this.listbox = document.createElement("ul");
        this.listbox.id = id;
        this.listbox.className = "combobox__liste";
        this.listbox.setAttribute("role", "listbox");
        this.listbox.setAttribute("aria-label", messages.liste);
        this.listbox.hidden = true;

        this.status = document.createElement("div");
        this.status.className = "visually-hidden";
        this.status.setAttribute("role", "status");
        this.status.setAttribute("aria-live", "polite");
        this.status.setAttribute("aria-atomic", "true");

        var container = input.parentNode;
        container.appendChild(this.listbox);
        container.appendChild(this.status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", id);
        input.setAttribute("autocomplete", "off");

        input.addEventListener("input", this.onInput.bind(this));
        input.addEventListener("keydown", this.onKeydown.bind(this));
        input.addEventListener("blur", this.close.bind(this));
        // Keep the focus in the box when an option is pressed, so that the click lands.
        this.listbox.addEventListener("mousedown", function (event) {
            event.preventDefault();
        });
        this.listbox.addEventListener("click", this.onClick.bind(this));
    }

    Combobox.prototype.onInput = function () {
        var query = this.input.value.trim();
        window.clearTimeout(this.timer);
        this.highlight(-1); // Enter now searches what is typed, until new suggestions come
        if (query.length < MIN_LENGTH) {
            this.sequence += 1; // any response still on its way is now out of date
            this.show([]);
            this.status.textContent = "";
            return;
        }
        this.timer = window.setTimeout(this.fetch.bind(this, query), DELAY);
    };

    Combobox.prototype.fetch = function (query) {
        var self = this;
        var sequence = (this.sequence += 1);
        if (this.cache.has(query)) {
            this.receive(query, this.cache.get(query), sequence);
            return;
        }
        if (this.controller) {
            this.controller.abort();
        }
        this.controller = typeof AbortController === "function" ? new AbortController() : null;
        var url = this.url + (this.url.indexOf("?") === -1 ? "?" : "&") +
            "q=" + encodeURIComponent(query);
        window.fetch(url, {
            headers: {Accept: "application/json"},
            credentials: "same-origin",
            signal: this.controller ? this.controller.signal : undefined
        }).then(function (response) {
            if (!response.ok) {
                throw new Error("HTTP " + response.status);
            }
            return response.json();
        }).then(function (data) {
            var found = Array.isArray(data.suggestions) ? data.suggestions : [];
            self.cache.set(query, found);
            self.receive(query, found, sequence);
        }).catch(function () {
            // Offline, aborted or a server error: the form still submits normally.
        });
    };

    Combobox.prototype.receive = function (query, suggestions, sequence) {
        if (sequence !== this.sequence || document.activeElement !== this.input) {
            return; // an older answer arriving late, or the person has left the box
        }
        this.show(suggestions);
        this.status.textContent = announcement(suggestions.length);
    };

    Combobox.prototype.show = function (suggestions) {
        var listbox = this.listbox;
        var prefix = listbox.id + "-";
        this.suggestions = suggestions;
        this.active = -1;
        this.input.removeAttribute("aria-activedescendant");
        while (listbox.firstChild) {
            listbox.removeChild(listbox.firstChild);
        }
        suggestions.forEach(function (suggestion, index) {
            var option = document.createElement("li");
            option.id = prefix + index;
            option.className = "combobox__option";
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.setAttribute("data-index", String(index));
            var title = document.createElement("span");
            title.className = "combobox__titre";
            title.textContent = suggestion.title;
            option.appendChild(title);
            if (suggestion.type) {
                var comma = document.createElement("span");
                comma.className = "visually-hidden";
                comma.textContent = ", ";
                var type = document.createElement("span");
                type.className = "combobox__type";
                type.textContent = suggestion.type;
                option.appendChild(comma);
                option.appendChild(type);
            }
            listbox.appendChild(option);
        });
        if (suggestions.length) {
            this.open();
        } else {
            this.close();
        }
    };

    Combobox.prototype.open = function () {
        if (!this.suggestions.length) {
            return;
        }
        this.listbox.hidden = false;
        this.input.setAttribute("aria-expanded", "true");
    };

    Combobox.prototype.close = function () {
        this.listbox.hidden = true;
        this.input.setAttribute("aria-expanded", "false");
        this.highlight(-1);
    };

    Combobox.prototype.isOpen = function () {
        return !this.listbox.hidden;
    };

    Combobox.prototype.highlight = function (index) {
        var options = this.listbox.children;
        if (this.active >= 0 && options[this.active]) {
            options[this.active].setAttribute("aria-selected", "false");
        }
        this.active = index;
        if (index >= 0 && options[index]) {
            options[index].setAttribute("aria-selected", "true");
            this.input.setAttribute("aria-activedescendant", options[index].id);
            if (options[index].scrollIntoView) {
                options[index].scrollIntoView({block: "nearest"});
            }
        } else {
            this.input.removeAttribute("aria-activedescendant");
        }
    };

    Combobox.prototype.move = function (step) {
        var count = this.suggestions.length;
        if (!count) {
            return;
        }
        if (!this.isOpen()) {
            this.open();
            this.highlight(step > 0 ? 0 : count - 1);
            return;
        }
        var next = this.active + step;
        if (next >= count) {
            next = -1; // back in the box, as the pattern allows, then round again
        } else if (next < -1) {
            next = count - 1;
        }
        this.highlight(next);
    };

    Combobox.prototype.follow = function (index) {
        var suggestion = this.suggestions[index];
        if (suggestion && suggestion.url) {
            this.close();
            window.location.assign(suggestion.url);
        }
    };

    Combobox.prototype.onKeydown = function (event) {
        if (event.altKey && event.key === "ArrowDown") {
            this.open();
            event.preventDefault();
            return;
        }
        switch (event.key) {
            case "ArrowDown":
            case "Down":
                this.move(1);
                event.preventDefault();
                break;
            case "ArrowUp":
            case "Up":
                this.move(-1);
                event.preventDefault();
                break;
            case "Enter":
                if (this.isOpen() && this.active >= 0) {
                    event.preventDefault();
                    this.follow(this.active);
                } // otherwise the form is submitted as without JavaScript
                break;
            case "Escape":
            case "Esc":
                if (this.isOpen()) {
                    event.preventDefault(); // do not also clear the search box
                    this.close();
                }
                break;
            case "Tab":
                this.close();
                break;
        }
    };

    Combobox.prototype.onClick = function (event) {
        var option = event.target.closest ? event.target.closest("[role=option]") : null;
        if (option) {
            this.follow(Number(option.getAttribute("data-index")));
        }
    };

    function enhance() {
        if (typeof window.fetch !== "function" || typeof Map !== "function") {
            return;
        }
        var inputs = document.querySelectorAll("input[data-suggestions-url]");
        Array.prototype.forEach.call(inputs, function (input, number) {
            if (input.form && !input.hasAttribute("role")) {
                new Combobox(input, number);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", enhance);
    } else {
        enhance();
    }
})();
