/* The self-scan "Waar staan we?" (/zelfscan/): answers -> profile, starting principles, address.
 *
 * The statements, radio buttons and texts are in the page, so without JavaScript it is a printable
 * checklist. Data (points with their keys, programmes, mbo boxes) comes from zelfscan-data.js
 * (window.KB_ZELFSCAN), written at build time: no fetch, so it works from file:// too.
 *
 * The answers live only in the address, after the "#" (never sent to a server):
 *   #v=1&t=po&B1=a63Ke1Qw0...&B2=...
 * every principle, every point as its two-character key (from its text) and a digit: 0 open,
 * 1 nog niet, 2 deels, 3 goed geregeld, 4 weet ik niet. Answers are matched by key, not by
 * position, so an address from an older text tells which answers no longer fit a point; a
 * principle the address lacks was added since, one it has that the model lacks was removed.
 *
 * Text from the data is set with textContent / createElement only.
 */
(function () {
  "use strict";
  var NEE = 1, DEELS = 2, GOED = 3, WEET = 4;
  var KEY = /^[A-Za-z0-9_-]{2}$/;
  var MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december"];
  var SVG = "http://www.w3.org/2000/svg";
  // segments of a bar, in the order drawn; colours match the legend (kennisbank.css)
  var DELEN = [["goed", "goed geregeld"], ["deels", "deels"], ["nee", "nog niet"], ["weet", "weet ik niet"],
    ["open", "niet ingevuld"]];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      if (child != null) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    return node;
  }

  function vandaag() {
    var d = new Date();
    return d.getDate() + " " + MAANDEN[d.getMonth()] + " " + d.getFullYear();
  }

  function procent(x) { return x == null ? "–" : Math.round(x * 100) + "%"; }

  function lijst(woorden) {  // "a", "a en b", "a, b en c"
    return woorden.length < 2 ? woorden.join("") : woorden.slice(0, -1).join(", ") + " en " + woorden[woorden.length - 1];
  }

  function init() {
    var root = document.querySelector("[data-kb-zelfscan]");
    var data = window.KB_ZELFSCAN;
    if (!root || !data) return;
    var principes = [];
    data.pijlers.forEach(function (pijler) {
      pijler.principes.forEach(function (p) { p.pijler = pijler; principes.push(p); });
    });
    var byCode = {};
    principes.forEach(function (p, i) { p.index = i; byCode[p.code] = p; });
    var melding = root.querySelector("[data-kb-melding]");
    var status = root.querySelector("[data-kb-status]");
    var resultaat = root.querySelector("[data-kb-resultaat]");
    var huidig = "";  // the state part of the address, without "#"
    root.querySelectorAll("[data-kb-js]").forEach(function (node) { node.hidden = false; });
    document.documentElement.classList.add("kb-zelfscan-js");

    function radios(name) { return root.querySelectorAll("input[type=radio][name='" + name + "']"); }

    function antwoord(p, key) {
      var checked = root.querySelector("input[type=radio][name='" + p.code + "-" + key + "']:checked");
      return checked ? Number(checked.value) : 0;
    }

    function schooltype() {
      var checked = root.querySelector("input[name=schooltype]:checked");
      return checked ? checked.value : "";
    }

    function zet(name, value) {
      radios(name).forEach(function (r) { r.checked = String(value) === r.value; });
    }

    // -- the address ------------------------------------------------------------------------
    function encode() {
      var parts = ["v=1"], iets = false;
      if (schooltype()) { parts.push("t=" + schooltype()); iets = true; }
      principes.forEach(function (p) {
        parts.push(p.code + "=" + p.punten.map(function (pt) {
          var a = antwoord(p, pt.k);
          if (a) iets = true;
          return pt.k + a;
        }).join(""));
      });
      return iets ? parts.join("&") : "";
    }

    function isState(hash) { return /^v=/.test(hash); }

    // Reads an address into the radios; returns what no longer fits, for the notice.
    function decode(hash) {
      var meldingen = [], gezien = {};
      radios("schooltype").forEach(function (r) { r.checked = false; });
      principes.forEach(function (p) { p.punten.forEach(function (pt) { zet(p.code + "-" + pt.k, 0); }); });
      hash.split("&").forEach(function (pair) {
        var i = pair.indexOf("="), name = i < 0 ? pair : pair.slice(0, i), value = i < 0 ? "" : pair.slice(i + 1);
        try { value = decodeURIComponent(value); } catch (e) { /* keep as is */ }
        if (name === "v") return;
        if (name === "t") {
          if (data.types[value]) zet("schooltype", value);
          else meldingen.push("Het schooltype '" + value + "' uit de link kent de scan niet; kies het opnieuw.");
          return;
        }
        var p = byCode[name.toUpperCase()];
        if (!p) {
          if (/^[A-Za-z]\d+$/.test(name)) {
            meldingen.push("De link bevat antwoorden bij principe " + name + ", dat niet (meer) in het model staat. " +
              "Die antwoorden zijn weggelaten.");
          }
          return;
        }
        gezien[p.code] = true;
        if (!/^([A-Za-z0-9_-]{2}[0-4])*$/.test(value)) {
          meldingen.push("De antwoorden bij " + p.code + " " + p.titel + " zijn in de link niet te lezen; ze staan open.");
          return;
        }
        var oud = {};
        for (var j = 0; j < value.length; j += 3) oud[value.slice(j, j + 2)] = Number(value.charAt(j + 2));
        var nieuw = [];
        p.punten.forEach(function (pt, n) {
          if (Object.prototype.hasOwnProperty.call(oud, pt.k)) {
            zet(p.code + "-" + pt.k, oud[pt.k]);
            delete oud[pt.k];
          } else {
            nieuw.push(n + 1);
          }
        });
        var weg = Object.keys(oud).filter(function (k) { return oud[k] > 0; }).length;
        if (weg || nieuw.length) {
          var zin = p.code + " " + p.titel + ": ";
          if (weg) zin += weg === 1 ? "1 antwoord hoort bij een punt dat veranderd of vervallen is en is weggelaten. "
            : weg + " antwoorden horen bij punten die veranderd of vervallen zijn en zijn weggelaten. ";
          if (nieuw.length) zin += (nieuw.length === 1 ? "Punt " + nieuw[0] + " is nieuw of veranderd en staat open."
            : "De punten " + lijst(nieuw.map(String)) + " zijn nieuw of veranderd en staan open.");
          meldingen.push(zin.trim());
        }
      });
      principes.forEach(function (p) {
        if (!gezien[p.code]) {
          meldingen.push(p.code + " " + p.titel + " staat niet in de link: het principe kwam er later bij of " +
            "ontbrak in de link. De punten staan open.");
        }
      });
      return meldingen;
    }

    function toonMelding(meldingen) {
      melding.textContent = "";
      melding.hidden = meldingen.length === 0;
      if (!meldingen.length) return;
      melding.appendChild(el("p", { "class": "kb-zelfscan-melding-kop",
        text: "Deze link is gemaakt met een eerdere versie van de scan. Niet alle antwoorden passen nog:" }));
      melding.appendChild(el("ul", {}, meldingen.map(function (m) { return el("li", { text: m }); })));
    }

    function schrijfAdres() {
      huidig = encode();
      var base = location.href.split("#")[0];
      history.replaceState(history.state, "", huidig ? base + "#" + huidig : base);
    }

    // -- the result -------------------------------------------------------------------------
    function tel(p) {
      var c = { nee: 0, deels: 0, goed: 0, weet: 0, open: 0, n: p.punten.length };
      p.punten.forEach(function (pt) {
        var a = antwoord(p, pt.k);
        c[a === NEE ? "nee" : a === DEELS ? "deels" : a === GOED ? "goed" : a === WEET ? "weet" : "open"] += 1;
      });
      return c;
    }

    function aandeel(c) {  // share of "goed geregeld" among the points judged; "weet ik niet" apart
      var beoordeeld = c.nee + c.deels + c.goed;
      return beoordeeld ? c.goed / beoordeeld : null;
    }

    function som(lijstTellingen) {
      var c = { nee: 0, deels: 0, goed: 0, weet: 0, open: 0, n: 0 };
      lijstTellingen.forEach(function (t) { Object.keys(c).forEach(function (k) { c[k] += t[k]; }); });
      return c;
    }

    // Lowest share of "goed geregeld" first; ties: more "nog niet" first, then model order.
    function beginpunten(tellingen) {
      return principes.filter(function (p) { var c = tellingen[p.code]; return c.nee + c.deels > 0; })
        .sort(function (a, b) {
          var ca = tellingen[a.code], cb = tellingen[b.code];
          return (aandeel(ca) - aandeel(cb)) || (cb.nee - ca.nee) || (a.index - b.index);
        }).slice(0, 3);
    }

    function grafiek(rijen) {
      var rij = 22, labelW = 92, barW = 200, breedte = 360, hoogte = rijen.length * rij + 4;
      var s = svg("svg", { viewBox: "0 0 " + breedte + " " + hoogte, width: "100%", role: "img",
        "aria-label": "Staafdiagram van de antwoorden per pijler en principe. Dezelfde cijfers staan in de tabel eronder.",
        "class": "kb-zelfscan-grafiek" });
      rijen.forEach(function (r, i) {
        var y = i * rij + 2;
        s.appendChild(svg("text", { x: r.pijler ? 0 : 12, y: y + 15, "class": r.pijler ? "kb-g-pijler" : "kb-g-label",
          text: r.label }));
        var x = labelW;
        DELEN.forEach(function (deel) {
          var w = r.c.n ? barW * r.c[deel[0]] / r.c.n : 0;
          if (w > 0) s.appendChild(svg("rect", { x: x, y: y + 3, width: w, height: rij - 8, "class": "kb-g-" + deel[0] }));
          x += w;
        });
        s.appendChild(svg("rect", { x: labelW, y: y + 3, width: barW, height: rij - 8, "class": "kb-g-rand" }));
        s.appendChild(svg("text", { x: labelW + barW + 6, y: y + 15, "class": "kb-g-label",
          text: procent(aandeel(r.c)) }));
      });
      return s;
    }

    function legenda() {
      return el("ul", { "class": "kb-zelfscan-legenda" }, DELEN.map(function (deel) {
        return el("li", {}, [el("span", { "class": "kb-g-staal kb-g-" + deel[0], "aria-hidden": "true" }), deel[1]]);
      }).concat([el("li", { text: "% = deel goed geregeld" })]));
    }

    function tabel(rijen) {
      var head = el("tr", {}, ["Principe", "Goed geregeld", "Deels", "Nog niet", "Weet ik niet",
        "Niet ingevuld", "% goed geregeld"].map(function (t) { return el("th", { scope: "col", text: t }); }));
      var body = el("tbody", {}, rijen.map(function (r) {
        var c = r.c;
        return el("tr", { "class": r.pijler ? "kb-zelfscan-pijlerrij" : "" }, [
          el("th", { scope: "row" }, [el("span", { text: r.kort }), el("span", { "class": "kb-zelfscan-lang", text: r.lang })]),
          el("td", { text: String(c.goed) }), el("td", { text: String(c.deels) }), el("td", { text: String(c.nee) }),
          el("td", { text: String(c.weet) }), el("td", { text: String(c.open) }), el("td", { text: procent(aandeel(c)) })]);
      }));
      var table = el("table", { "class": "kb-zelfscan-tabel" }, [
        el("caption", { text: "Antwoorden per pijler en principe (aantal punten)" }), el("thead", {}, [head]), body]);
      return el("div", { "class": "kb-zelfscan-tabelvak", role: "region", tabindex: "0",
        "aria-label": "Tabel met de antwoorden per pijler en principe" }, [table]);
    }

    function puntenMet(p, waarden) {
      return p.punten.filter(function (pt) { return waarden.indexOf(antwoord(p, pt.k)) >= 0; });
    }

    // Programmes for the chosen school type; those whose school type no source names stay, marked.
    function programmas(p, type) {
      var passend = p.programmas.filter(function (prog) {
        return !type || !prog.types.length || prog.types.indexOf(type) >= 0;
      });
      var kop = el("p", { "class": "kb-zelfscan-sub", text: "Programma's bij dit principe" + (type ? " voor het " + type : "") });
      if (!passend.length) {
        return [kop, el("p", { text: p.programmas.length ? "De kennisbank noemt bij dit principe geen programma's voor het " + type + "."
          : "De kennisbank noemt bij dit principe (nog) geen programma's." })];
      }
      return [kop, el("ul", {}, passend.map(function (prog) {
        var types = prog.types.length ? (type ? "" : " · " + prog.types.join(", ")) : " · onderwijstype niet bekend";
        return el("li", {}, [el("a", { href: prog.url, text: prog.naam }), ": " + prog.oordeel + types]);
      }))];
    }

    function beginpunt(p, c, type) {
      var open = puntenMet(p, [NEE, DEELS]), weet = puntenMet(p, [WEET]), leeg = puntenMet(p, [0]);
      var kids = [
        el("h4", {}, [el("span", { "class": "kb-code", text: p.code }), " " + p.titel]),
        el("p", { "class": "kb-zelfscan-cijfer", text: procent(aandeel(c)) + " goed geregeld · " + c.nee + " nog niet · " +
          c.deels + " deels" + (c.weet ? " · " + c.weet + " weet ik niet" : "") }),
        el("p", {}, [el("strong", { text: "Waarom: " }), p.kort, " ", el("a", { href: p.url, text: "Lees het principe " + p.code })]),
        el("p", { "class": "kb-zelfscan-sub", text: "Nog open" }),
        el("ul", {}, open.map(function (pt) {
          return el("li", {}, [pt.t + " ", el("span", { "class": "kb-zelfscan-antwoord",
            text: "(" + data.antwoorden[antwoord(p, pt.k) - 1] + ")" })]);
        }))];
      if (weet.length) {
        kids.push(el("p", { "class": "kb-zelfscan-sub", text: "Uitzoeken" }));
        kids.push(el("ul", {}, weet.map(function (pt) { return el("li", { text: pt.t }); })));
      }
      if (leeg.length) {
        kids.push(el("p", { "class": "kb-zelfscan-leeg", text: leeg.length === 1 ? "1 punt is nog niet ingevuld."
          : leeg.length + " punten zijn nog niet ingevuld." }));
      }
      kids = kids.concat(programmas(p, type));
      if (type === "mbo" && p.mbo.length) {
        kids.push(el("p", { "class": "kb-zelfscan-sub", text: "Voor het mbo" }));
        kids.push(el("ul", {}, p.mbo.map(function (k) { return el("li", {}, [el("a", { href: k.url, text: k.titel })]); })));
      }
      return el("li", { "class": "kb-zelfscan-begin", "data-code": p.code }, kids);
    }

    function toon() {
      var tellingen = {};
      principes.forEach(function (p) { tellingen[p.code] = tel(p); });
      var totaal = som(principes.map(function (p) { return tellingen[p.code]; }));
      var ingevuld = totaal.n - totaal.open;
      var type = schooltype();
      document.documentElement.classList.toggle("kb-zelfscan-plan", ingevuld > 0);
      resultaat.textContent = "";
      if (!ingevuld) {
        status.textContent = "Nog geen punten beantwoord. De uitslag verschijnt hier zodra jullie punten beantwoorden.";
        return;
      }
      var begin = beginpunten(tellingen);
      status.textContent = ingevuld + " van de " + totaal.n + " punten beantwoord. " + (begin.length
        ? "Om mee te beginnen: " + lijst(begin.map(function (p) { return p.code; })) + "."
        : "Nog geen principe met punten die nog niet of deels geregeld zijn.");

      resultaat.appendChild(el("p", { "class": "kb-zelfscan-datum" }, [
        el("strong", { text: "Actieplan" }), " · gemaakt op " + vandaag() +
          (type ? " · " + data.types[type] : " · geen schooltype gekozen")]));
      resultaat.appendChild(el("p", { "class": "kb-zelfscan-printadres" }, ["Terug naar deze scan: ",
        el("span", { "class": "kb-url", text: deelAdres() })]));

      var rijen = [];
      data.pijlers.forEach(function (pijler) {
        var c = som(pijler.principes.map(function (p) { return tellingen[p.code]; }));
        rijen.push({ pijler: true, label: pijler.titel, kort: pijler.titel, lang: "", c: c });
        pijler.principes.forEach(function (p) {
          rijen.push({ pijler: false, label: p.code, kort: p.code, lang: " " + p.titel, c: tellingen[p.code] });
        });
      });
      resultaat.appendChild(el("h3", { id: "profiel", text: "Profiel" }));
      resultaat.appendChild(el("div", { "class": "kb-zelfscan-profiel" }, [
        el("figure", { "class": "kb-zelfscan-figuur" }, [grafiek(rijen), legenda()]), tabel(rijen)]));

      resultaat.appendChild(el("h3", { id: "beginnen", text: "Om mee te beginnen" }));
      if (begin.length) {
        resultaat.appendChild(el("p", { text: "De principes met het kleinste deel goed geregeld, met wat er nog open staat." }));
        resultaat.appendChild(el("ol", { "class": "kb-zelfscan-beginpunten" }, begin.map(function (p) {
          return beginpunt(p, tellingen[p.code], type);
        })));
      } else {
        resultaat.appendChild(el("p", { text: "Er is nog geen principe met punten die nog niet of deels geregeld zijn." }));
      }

      // the starting principles list their own "weet ik niet" points already
      var uitzoeken = principes.filter(function (p) { return tellingen[p.code].weet > 0 && begin.indexOf(p) < 0; });
      if (uitzoeken.length) {
        resultaat.appendChild(el("h3", { id: "uitzoeken", text: begin.length ? "Verder uit te zoeken" : "Uit te zoeken" }));
        resultaat.appendChild(el("p", { text: "Bij deze punten wist niemand het antwoord. Zoek ze uit: misschien " +
          "verandert dat waar jullie beginnen." }));
        // on paper only the count per principle: the plan stays within two pages, the address brings the points back
        resultaat.appendChild(el("p", { "class": "kb-zelfscan-alleenprint", text: "Welke punten dat zijn, zie je " +
          "als je de scan opent met het adres onderaan." }));
        resultaat.appendChild(el("ul", { "class": "kb-zelfscan-uitzoeken" }, uitzoeken.map(function (p) {
          var weet = puntenMet(p, [WEET]);
          return el("li", {}, [el("strong", { text: p.code + " " + p.titel }),
            el("span", { "class": "kb-zelfscan-alleenprint", text: " · " + (weet.length === 1 ? "1 punt" : weet.length + " punten") }),
            el("ul", {}, weet.map(function (pt) { return el("li", { text: pt.t }); }))]);
        })));
      }

      var bewaren = el("div", { "class": "kb-zelfscan-bewaren" });
      bewaren.appendChild(el("h3", { id: "bewaren", text: "Bewaren en delen" }));
      bewaren.appendChild(el("p", { text: "Met dit adres open je de scan later weer met dezelfde antwoorden. Het adres is de " +
        "enige plek waar de antwoorden staan." }));
      bewaren.appendChild(el("p", { "class": "kb-url kb-zelfscan-adres", text: deelAdres() }));
      var knoppen = el("p", { "class": "kb-zelfscan-knoppen" });
      var kopieer = el("button", { type: "button", "class": "md-button", text: "Kopieer het adres" });
      kopieer.addEventListener("click", function () { kopieerAdres(); });
      var print = el("button", { type: "button", "class": "md-button", text: "Druk het actieplan af" });
      print.addEventListener("click", function () { window.print(); });
      var wis = el("button", { type: "button", "class": "md-button", text: "Alle antwoorden wissen" });
      wis.addEventListener("click", function () {
        if (!window.confirm("Alle antwoorden en het schooltype wissen?")) return;
        decode("v=1");
        toonMelding([]);
        bijwerken();
      });
      knoppen.appendChild(kopieer);
      knoppen.appendChild(print);
      knoppen.appendChild(wis);
      bewaren.appendChild(knoppen);
      resultaat.appendChild(bewaren);
    }

    // The address to keep and send: the site's published address (the canonical link) with the
    // answers, so one made in the offline copy (file://) opens for the GGD adviser too.
    function deelAdres() {
      var canonical = document.querySelector("link[rel=canonical]");
      return (canonical ? canonical.href : location.href).split("#")[0] + location.hash;
    }

    function kopieerAdres() {
      var text = deelAdres();
      var klaar = function () { status.textContent = "Adres gekopieerd."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(klaar, function () {});
        return;
      }
      var area = el("textarea", { readonly: "" });  // file:// has no clipboard API
      area.value = text;
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); klaar(); } finally { document.body.removeChild(area); }
    }

    function bijwerken() {
      schrijfAdres();
      toon();
    }

    function laden() {
      var hash = location.hash.slice(1);
      if (!isState(hash)) return false;
      toonMelding(decode(hash));
      huidig = hash;
      toon();
      return true;
    }

    root.addEventListener("change", function (event) {
      if (event.target.type === "radio") bijwerken();
    });
    // An in-page link (a heading, "Naar de uitslag") replaces the hash: once the browser has
    // scrolled, put the answers back in the address. A pasted scan address is read anew.
    window.addEventListener("hashchange", function () {
      if (laden()) return;
      if (huidig) history.replaceState(history.state, "", location.href.split("#")[0] + "#" + huidig);
    });
    if (!laden()) toon();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
