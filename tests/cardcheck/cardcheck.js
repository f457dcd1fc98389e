#!/usr/bin/env node
// Checks Adaptive Cards with the official tools, so the C# side never has to trust its own reading of the spec:
//   (a) expands a template with its data using the official `adaptivecards-templating` (the C# test compares
//       Briefingbot's own CardTemplateEngine output with this, deep JSON equality);
//   (b) validates the card against the Adaptive Card 1.5 JSON schema (copied into ./schemas: no network);
//   (c) parses the card with the official `adaptivecards` renderer at max version 1.5 and collects every
//       parse and validation event (a good card has none);
//   (d) measures its size (Teams: at most 28 KB per card).
//
// Usage:
//   node cardcheck.js                      check every cards/*.json template with its *.data.json, print a table
//   node cardcheck.js --jobs jobs.json     read jobs, write one JSON report to stdout (used by the xunit tests)
// A job is { "name", "template": path, "data": path } (expand, then check) or { "name", "card": path } (check as is).
"use strict";

const fs = require("fs");
const path = require("path");
const ACData = require("adaptivecards-templating");
// The package's lib/ folder is extensionless ESM that Node cannot load; dist/ is the published UMD bundle.
const AC = require("adaptivecards/dist/adaptivecards.js");
const Ajv = require("ajv");

const MAX_CARD_BYTES = 28 * 1024;

function createSchemaValidator() {
    const ajv = new Ajv({ schemaId: "auto", allErrors: true, jsonPointers: true });
    ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-06.json"));
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "schemas", "adaptive-card-1.5.json"), "utf8"));
    return ajv.compile(schema);
}

const validateSchema = createSchemaValidator();

function expand(template, data) {
    const t = new ACData.Template(template);
    return t.expand({ $root: data });
}

function rendererEvents(card) {
    const events = [];
    const adaptiveCard = new AC.AdaptiveCard();
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    adaptiveCard.parse(card, context);
    for (let i = 0; i < context.eventCount; i++) {
        const e = context.getEventAt(i);
        events.push(`parse: ${e.message}`);
    }
    const validation = adaptiveCard.validateProperties();
    for (const e of validation.validationEvents) {
        events.push(`validate: ${e.message}`);
    }
    return events;
}

function check(name, card) {
    const schemaOk = validateSchema(card);
    const schemaErrors = schemaOk ? [] : (validateSchema.errors || []).map(e => `${e.dataPath} ${e.message}`);
    let events;
    try {
        events = rendererEvents(card);
    } catch (err) {
        events = [`renderer threw: ${err && err.message}`];
    }
    const size = Buffer.byteLength(JSON.stringify(card), "utf8");
    return { name, schemaErrors, rendererEvents: events, size, sizeOk: size <= MAX_CARD_BYTES };
}

function runJob(job) {
    try {
        if (job.template) {
            const template = JSON.parse(fs.readFileSync(job.template, "utf8"));
            const data = JSON.parse(fs.readFileSync(job.data, "utf8"));
            const expanded = expand(template, data);
            return Object.assign(check(job.name, expanded), { expanded });
        }
        const card = JSON.parse(fs.readFileSync(job.card, "utf8"));
        return check(job.name, card);
    } catch (err) {
        return { name: job.name, error: String(err && err.stack || err) };
    }
}

function ok(r) {
    return !r.error && r.schemaErrors.length === 0 && r.rendererEvents.length === 0 && r.sizeOk;
}

function main(argv) {
    const jobsIndex = argv.indexOf("--jobs");
    if (jobsIndex >= 0) {
        const jobs = JSON.parse(fs.readFileSync(argv[jobsIndex + 1], "utf8"));
        process.stdout.write(JSON.stringify(jobs.map(runJob)));
        return 0;
    }

    const cardsDir = path.resolve(__dirname, "..", "..", "cards");
    const templates = fs.readdirSync(cardsDir).filter(f => f.endsWith(".json") && !f.endsWith(".data.json")).sort();
    let failures = 0;
    for (const file of templates) {
        const dataFile = path.join(cardsDir, file.replace(/\.json$/, ".data.json"));
        const r = runJob({ name: file, template: path.join(cardsDir, file), data: dataFile });
        const good = ok(r);
        if (!good) failures++;
        console.log(`${good ? "ok  " : "FAIL"} ${file} ${r.size !== undefined ? r.size + " bytes" : ""}`);
        if (!good) console.log(JSON.stringify({ error: r.error, schemaErrors: r.schemaErrors, rendererEvents: r.rendererEvents }, null, 2));
    }
    console.log(`${templates.length - failures} passed, ${failures} failed`);
    return failures === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
