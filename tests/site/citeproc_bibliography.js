// Renders a CSL-JSON file as an APA bibliography with citeproc-js (the engine behind Zotero).
// Usage: node citeproc_bibliography.js <citeproc module dir> <items.json> <style.csl> <locales dir>
// Prints JSON: [{"id": ..., "html": ...}] in citeproc-js's bibliography order.
"use strict";
const fs = require("fs");
const path = require("path");

const [moduleDir, itemsPath, stylePath, localesDir] = process.argv.slice(2);
const CSL = require(moduleDir);
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
const byId = new Map(items.map((item) => [item.id, item]));

const sys = {
  retrieveItem: (id) => byId.get(id),
  // en-US is citeproc-js's fallback; nl-NL is the locale the site uses
  retrieveLocale: (lang) => {
    const file = path.join(localesDir, `locales-${lang}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
};

const engine = new CSL.Engine(sys, fs.readFileSync(stylePath, "utf8"), "nl-NL", true);
engine.updateItems(items.map((item) => item.id));
const [meta, entries] = engine.makeBibliography();
process.stdout.write(JSON.stringify(meta.entry_ids.map((ids, i) => ({ id: ids[0], html: entries[i] }))));
