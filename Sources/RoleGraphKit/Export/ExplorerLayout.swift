/// The explorer page's fixed markup: the controls, the diagram and the role card. Everything
/// drawn from the graph's data is added by the page's script with `textContent`, never as markup.
enum ExplorerLayout {
    /// The page's body before its scripts; `title` is already escaped, `svg` is the inline diagram.
    static func body(title: String, svg: String) -> String {
        """
        <a class="skip" href="#from">Skip to the path finder</a>
        <header class="top">
        <h1 id="page-title">\(title)</h1>
        <p class="hint">Click a role to read its card. Press <kbd>/</kbd> to search. Drag or use the arrow keys on the diagram to pan, the wheel or <kbd>+</kbd> <kbd>−</kbd> to zoom.</p>
        </header>
        <main class="layout">
        <aside class="controls" aria-label="Explorer controls">
        <section class="panel" aria-labelledby="search-heading">
        <h2 id="search-heading">Find a role</h2>
        <div class="combo">
        <input id="search" type="search" autocomplete="off" spellcheck="false" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="search-results" aria-label="Search roles by id, name or title (press / to focus)" placeholder="Search roles  ( / )">
        <ul id="search-results" role="listbox" aria-label="Matching roles" hidden></ul>
        </div>
        </section>
        <section class="panel" aria-labelledby="path-heading">
        <h2 id="path-heading">Find a path</h2>
        <div class="grid">
        <label for="from">From</label><select id="from" aria-label="From role"></select>
        <label for="to">To</label><select id="to" aria-label="To role"></select>
        <label for="cost">Cost</label><select id="cost" aria-label="Cost model"></select>
        <label for="routes">Routes</label><select id="routes" aria-label="How many routes to list"></select>
        </div>
        <div class="buttons"><button type="button" id="swap" aria-label="Swap From and To">Swap ⇄</button><button type="button" id="clear-path">Clear</button></div>
        <div id="path-result" role="status" aria-live="polite"></div>
        </section>
        <section class="panel" aria-labelledby="skills-heading">
        <h2 id="skills-heading">I have these skills</h2>
        <input id="skill-filter" type="search" autocomplete="off" aria-label="Filter the skills" placeholder="Filter skills">
        <div id="skill-list" role="group" aria-labelledby="skills-heading"></div>
        <div class="buttons"><button type="button" id="clear-skills">Clear skills</button></div>
        <div class="grid"><label for="goal">Goal</label><select id="goal" aria-label="Goal role"></select></div>
        <div id="goal-result" aria-live="polite"></div>
        <h3>Closest roles</h3>
        <ol id="closest" aria-label="Roles closest to your skills"></ol>
        </section>
        <section class="panel" aria-labelledby="view-heading">
        <h2 id="view-heading">View</h2>
        <fieldset id="kinds"><legend>Relations shown</legend></fieldset>
        <label class="check"><input type="checkbox" id="focus-mode"> Focus: dim all but the open role's neighbourhood</label>
        <div class="buttons"><button type="button" id="zoom-in" aria-label="Zoom in">+</button><button type="button" id="zoom-out" aria-label="Zoom out">−</button><button type="button" id="zoom-reset">Fit</button></div>
        <p><a id="view-link" href="#">Link to this view</a></p>
        <p id="graph-facts" class="muted"></p>
        </section>
        </aside>
        <div id="diagram" tabindex="0" role="group" aria-label="Diagram of the roles and relations: arrow keys pan, + and − zoom, Tab moves between roles">
        \(svg)
        </div>
        <section id="card" role="dialog" aria-modal="false" aria-labelledby="card-title" hidden>
        <button type="button" id="card-close" aria-label="Close the card">×</button>
        <div id="card-body"></div>
        </section>
        </main>

        """
    }
}
