/// Mustache templates, style sheet and script of the HTML report. `{{…}}` is HTML-escaped;
/// `{{{…}}}` is used only for this file's own CSS and JS and for the article's highlighted text, which
/// `PageView.highlighted` writes with every piece of text escaped.
enum HTMLTemplates {
    static let all: [String: String] = ["head": head, "page": page, "index": index]

    /// The document head both pages share; the views provide `title` and `css`. No network access.
    static let head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
        <meta name="color-scheme" content="light dark">
        <title>{{title}}</title>
        <style>{{{css}}}</style>
        </head>
        """

    static let page = """
        {{> head}}
        <body>
        <a class="skip" href="#findings">Skip to the findings</a>
        <header>
        <h1>mtlint report: <bdi>{{path}}</bdi></h1>
        <div class="summary">
        <p class="verdict {{#passed}}pass{{/passed}}{{^passed}}fail{{/passed}}">{{#passed}}PASS{{/passed}}{{^passed}}FAIL{{/passed}}</p>
        <dl>
        {{^passed}}<div><dt>Why</dt><dd>{{reasons}}</dd></div>{{/passed}}
        <div><dt>Language pair</dt><dd>{{sourceLanguage}} → {{targetLanguage}}</dd></div>
        <div><dt>Score</dt><dd>{{score}}</dd></div>
        <div><dt>Gate</dt><dd>{{gate}}</dd></div>
        <div><dt>Words</dt><dd>{{wordCount}}</dd></div>
        <div><dt>Penalty</dt><dd>{{penalty}}</dd></div>
        <div><dt>Findings</dt><dd>{{findingCount}}{{#severityCounts}} <span class="count sev-{{name}}">{{count}} {{name}}</span>{{/severityCounts}}</dd></div>
        </dl>
        <figure class="chart">
        <svg role="img" aria-labelledby="chart-title" width="520" height="{{chartHeight}}" viewBox="0 0 520 {{chartHeight}}" preserveAspectRatio="xMinYMin meet">
        <title id="chart-title">Findings by severity and by MQM dimension</title>
        {{#chart}}<g class="{{cssClass}}"><text x="0" y="{{textY}}">{{label}}</text><rect x="210" y="{{y}}" width="{{width}}" height="18"><title>{{label}}: {{count}}</title></rect><text x="{{textX}}" y="{{textY}}">{{count}}</text></g>
        {{/chart}}</svg>
        <figcaption>Findings by severity and by MQM dimension</figcaption>
        </figure>
        </div>
        <nav aria-label="Sections"><a href="#article">Article</a> <a href="#captions">{{pairsTitle}}</a> <a href="#findings">Findings</a> <a href="#rules">Rules</a></nav>
        </header>
        <main>
        <section id="article" aria-labelledby="article-title">
        <h2 id="article-title">Article</h2>
        <p class="hint">Highlighted text has findings: hover over it or focus it (Tab) for details.</p>
        {{#blocks}}<div class="block kind-{{kind}}" lang="{{lang}}" {{#anchor}} id="{{anchor}}"{{/anchor}}><span class="kind-label">{{kindLabel}}</span>{{#isHeading}}<h3 class="text">{{{html}}}</h3>{{/isHeading}}{{^isHeading}}<p class="text">{{{html}}}</p>{{/isHeading}}</div>
        {{/blocks}}</section>
        <section id="captions" aria-labelledby="captions-title">
        <h2 id="captions-title">{{pairsTitle}}</h2>
        <table class="cards">
        <thead><tr><th scope="col">{{sourceColumn}}</th><th scope="col">Translation</th><th scope="col">Status</th></tr></thead>
        <tbody>
        {{#captions}}<tr><td data-label="{{sourceColumn}}">{{#sourceHTML}}{{#sourceLinked}}<a href="#line-{{sourceLine}}">line {{sourceLine}}</a>{{/sourceLinked}}{{^sourceLinked}}line {{sourceLine}}{{/sourceLinked}}<br>{{{sourceHTML}}}{{/sourceHTML}}{{^sourceHTML}}<em>none</em>{{/sourceHTML}}</td><td data-label="Translation">{{#targetHTML}}<a href="#line-{{targetLine}}">line {{targetLine}}</a><br>{{{targetHTML}}}{{/targetHTML}}{{^targetHTML}}<em>none</em>{{/targetHTML}}</td><td data-label="Status">{{status}}; {{findings}} findings</td></tr>
        {{/captions}}{{^captions}}<tr><td colspan="3">No source-language captions.</td></tr>
        {{/captions}}</tbody>
        </table>
        </section>
        <section id="findings" aria-labelledby="findings-title">
        <h2 id="findings-title">Findings</h2>
        <div class="filters" hidden>
        <label>Severity <select data-filter="severity"><option value="">all</option>{{#severities}}<option>{{.}}</option>{{/severities}}</select></label>
        <label>MQM <select data-filter="dimension"><option value="">all</option>{{#dimensions}}<option>{{.}}</option>{{/dimensions}}</select></label>
        <label>Rule <select data-filter="rule"><option value="">all</option>{{#ruleIDs}}<option>{{.}}</option>{{/ruleIDs}}</select></label>
        <span class="shown" aria-live="polite"></span>
        </div>
        <table class="findings cards">
        <thead><tr><th scope="col" data-sort="number">#</th><th scope="col" data-sort="line">Location</th><th scope="col" data-sort="severity">Severity</th><th scope="col">MQM</th><th scope="col">Rule</th><th scope="col">Message</th></tr></thead>
        <tbody>
        {{#findings}}<tr data-severity="{{severity}}" data-dimension="{{dimension}}" data-rule="{{rule}}" data-number="{{number}}" data-line="{{line}}" data-severity-rank="{{severityRank}}"><td data-label="#">{{number}}</td><td data-label="Location"><a href="#f{{number}}">{{line}}:{{column}}</a></td><td data-label="Severity"><span class="count sev-{{severity}}">{{severity}}</span></td><td data-label="MQM">{{mqm}}</td><td data-label="Rule"><a href="#rule-{{rule}}">{{code}} {{rule}}</a></td><td data-label="Message">{{message}}{{#expected}}<br><small>source: <bdi>{{expected}}</bdi></small>{{/expected}}</td></tr>
        {{/findings}}{{^findings}}<tr><td colspan="6">No findings.</td></tr>
        {{/findings}}</tbody>
        </table>
        </section>
        <section id="rules" aria-labelledby="rules-title">
        <h2 id="rules-title">Rules</h2>
        {{#rules}}<article id="rule-{{id}}"><h3>{{code}} {{id}}</h3><p>{{summary}}</p><p>{{rationale}}</p><p><small>MQM type {{mqm}} · default severity {{severity}}</small></p></article>
        {{/rules}}{{^rules}}<p>No rule reported anything.</p>{{/rules}}</section>
        </main>
        <footer><p>Generated by mtlint {{toolVersion}}.</p></footer>
        <script>{{{script}}}</script>
        </body>
        </html>

        """

    static let index = """
        {{> head}}
        <body>
        <header><h1>mtlint reports</h1><p>{{documents}} documents, {{failed}} failed the gate ({{gate}}).</p></header>
        <main>
        <table class="cards">
        <thead><tr><th scope="col">Document</th><th scope="col">Score</th><th scope="col">Verdict</th><th scope="col">Critical</th><th scope="col">Major</th><th scope="col">Minor</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td data-label="Document"><a href="{{file}}"><bdi>{{path}}</bdi></a></td><td data-label="Score">{{score}}</td><td data-label="Verdict" class="verdict {{#passed}}pass{{/passed}}{{^passed}}fail{{/passed}}">{{#passed}}PASS{{/passed}}{{^passed}}FAIL{{/passed}}</td><td data-label="Critical">{{critical}}</td><td data-label="Major">{{major}}</td><td data-label="Minor">{{minor}}</td></tr>
        {{/rows}}</tbody>
        </table>
        </main>
        <footer><p>Generated by mtlint {{toolVersion}}.</p></footer>
        </body>
        </html>

        """

    static let css = """
        :root{--bg:#fff;--fg:#1b1b1b;--muted:#5f6368;--line:#d0d4d9;--critical:#8e24aa;--major:#c62828;--minor:#b26a00;--mark-critical:#f3d9fa;--mark-major:#fde0e0;--mark-minor:#fff1c7;--pass:#1b7f3b;--fail:#c62828;--tipbg:#fff;}
        @media (prefers-color-scheme: dark){:root{--bg:#16181b;--fg:#e8eaed;--muted:#a0a6ad;--line:#3a3f45;--critical:#ce93d8;--major:#ef9a9a;--minor:#ffcc80;--mark-critical:#4a2752;--mark-major:#5a2626;--mark-minor:#4d3b12;--pass:#81c995;--fail:#f28b82;--tipbg:#23272b;}}
        *{box-sizing:border-box}[hidden]{display:none!important}body{margin:0 auto;max-width:70rem;padding:1rem 1.5rem;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,sans-serif}
        a{color:inherit}a:focus,mark:focus,select:focus,th button:focus{outline:3px solid #1a73e8;outline-offset:2px}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.25rem .5rem}
        h1{font-size:1.5rem}h2{border-bottom:1px solid var(--line);padding-bottom:.25rem;margin-top:2.5rem}
        .summary{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}.summary dl{display:grid;grid-template-columns:auto auto;gap:.2rem 1rem;margin:0}.summary dl div{display:contents}dt{color:var(--muted)}dd{margin:0}
        .verdict{font-weight:700;font-size:1.6rem;padding:.3rem .9rem;border:2px solid;border-radius:.4rem;margin:0}.verdict.pass{color:var(--pass)}.verdict.fail{color:var(--fail)}
        .count{display:inline-block;padding:0 .4rem;border-radius:.3rem;border:1px solid var(--line);font-size:.85rem}
        .sev-critical{--sev:var(--critical);--mark:var(--mark-critical)}.sev-major{--sev:var(--major);--mark:var(--mark-major)}.sev-minor{--sev:var(--minor);--mark:var(--mark-minor)}
        .count.sev-critical,.count.sev-major,.count.sev-minor{color:var(--sev);border-color:var(--sev)}
        .chart svg text{fill:var(--fg);font-size:13px}.chart rect{fill:var(--sev,var(--muted))}.chart figcaption{color:var(--muted);font-size:.85rem}
        nav a{margin-right:1rem}
        .block{margin:.6rem 0;padding-left:.6rem;border-left:3px solid transparent}.kind-label{display:block;color:var(--muted);font-size:.72rem;text-transform:uppercase;letter-spacing:.04em}
        .block .text{margin:.1rem 0;white-space:pre-wrap}.kind-caption{border-left-color:#1a73e8}.kind-credit,.kind-furniture{opacity:.85}.kind-furniture{border-left-color:var(--muted);border-left-style:dashed}
        mark{position:relative;background:var(--mark);color:inherit;border-bottom:2px solid var(--sev);padding:0 1px;cursor:help}mark.anchor{padding:0;border:0;background:none}
        .tip{display:none;position:absolute;left:0;top:100%;z-index:10;width:min(28rem,80vw);background:var(--tipbg);color:var(--fg);border:1px solid var(--line);border-radius:.4rem;padding:.4rem .6rem;box-shadow:0 4px 12px rgba(0,0,0,.25);font-size:.85rem;white-space:normal}
        mark:hover>.tip,mark:focus>.tip,mark:focus-within>.tip{display:block}.tip-item{display:block}.tip-item+.tip-item{border-top:1px solid var(--line);margin-top:.3rem;padding-top:.3rem}
        .cp{font:.7rem monospace;border:1px dashed var(--sev,var(--muted));border-radius:.2rem;padding:0 .15rem;margin:0 .1rem}
        table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}th button{font:inherit;background:none;border:0;color:inherit;cursor:pointer;padding:0;text-decoration:underline dotted}
        .filters{display:flex;flex-wrap:wrap;gap:1rem;margin:.5rem 0}.hint,.shown{color:var(--muted);font-size:.85rem}
        article{border-bottom:1px solid var(--line)}footer{color:var(--muted);font-size:.85rem;margin-top:2rem}
        h1,td,.block .text,dd{overflow-wrap:anywhere}.chart{margin:0;max-width:100%}.chart svg{display:block;max-width:100%;height:auto}
        @media (max-width:40rem){body{padding:.75rem}.summary{gap:1rem}
        table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}table.cards thead{position:absolute;left:-9999px}
        table.cards tr{border:1px solid var(--line);border-radius:.4rem;margin:.6rem 0;padding:.3rem .5rem}table.cards tr[hidden]{display:none}
        table.cards td{border:0;padding:.15rem 0}table.cards td[data-label]::before{content:attr(data-label);display:block;color:var(--muted);font-size:.72rem;text-transform:uppercase;letter-spacing:.04em}
        table.cards td.verdict{font-size:1rem;border:0;padding:.15rem 0}}
        @media print{.tip,.filters,nav,.skip,.hint{display:none!important}body{max-width:none;font-size:11pt}mark{background:none;border-bottom:2px solid var(--sev);-webkit-print-color-adjust:exact;print-color-adjust:exact}a{text-decoration:none}section{break-inside:auto}tr{break-inside:avoid}}
        """

    /// Filtering and sorting of the findings table; the page is complete without it.
    static let script = """
        (function(){document.documentElement.dataset.js="ready";var table=document.querySelector("table.findings");if(!table)return;
        var rows=Array.prototype.slice.call(table.tBodies[0].rows).filter(function(r){return r.dataset.number});
        var box=document.querySelector(".filters");box.hidden=false;var shown=box.querySelector(".shown");
        var selects=Array.prototype.slice.call(box.querySelectorAll("select"));
        function apply(){var n=0;rows.forEach(function(r){var ok=selects.every(function(s){return !s.value||r.dataset[s.dataset.filter]===s.value});r.hidden=!ok;if(ok)n++});shown.textContent=n+" of "+rows.length+" findings shown";}
        selects.forEach(function(s){s.addEventListener("change",apply)});apply();
        Array.prototype.slice.call(table.tHead.rows[0].cells).forEach(function(th){var key=th.dataset.sort;if(!key)return;
        var b=document.createElement("button");b.type="button";b.textContent=th.textContent;th.textContent="";th.appendChild(b);var asc=true;
        b.addEventListener("click",function(){var k=key==="severity"?"severityRank":key;rows.sort(function(x,y){var d=Number(x.dataset[k])-Number(y.dataset[k]);return asc?d:-d});
        if(key==="severity")rows.reverse();asc=!asc;rows.forEach(function(r){table.tBodies[0].appendChild(r)});th.setAttribute("aria-sort",asc?"descending":"ascending")})});})();
        """
}
