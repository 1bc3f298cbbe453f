// RetroWalk runs under a Content-Security-Policy without inline script: page behaviour that would
// otherwise sit in onclick="…" attributes lives here.
document.addEventListener('click', event => {
    const reload = event.target.closest('[data-action="reload"]');
    if (reload) {
        event.preventDefault();
        location.reload();
    }
});

// Idle sign-out (Components/Account/Shared/IdleSignOut.razor): interaction is reported to the server at most every
// 15 seconds; the server decides when to warn and when to sign out, and then submits the page's sign-out form,
// returning to this page after the next sign-in.
window.retrowalkIdle = {
    watch(component) {
        let last = 0;
        const report = () => {
            const now = Date.now();
            if (now - last >= 15000) {
                last = now;
                component.invokeMethodAsync('ActiveAsync').catch(() => { });
            }
        };
        for (const type of ['keydown', 'pointerdown', 'input', 'wheel', 'touchstart', 'scroll']) {
            document.addEventListener(type, report, { passive: true, capture: true });
        }
    },
    signOut() {
        const form = document.querySelector('form.app-signout');
        if (!form) {
            location.reload();
            return;
        }
        form.querySelector('input[name="ReturnUrl"]').value = location.pathname + location.search;
        form.requestSubmit();
    },
};

// The same on a page served without a circuit (Components/Account/Shared/StaticIdleSignOut.razor): the browser
// counts the time since the last interaction (or since this document loaded) itself. The marker is looked up on
// every tick, so enhanced navigation between static and interactive pages needs no reload of this script; the
// click that navigated counts as an interaction.
(() => {
    let lastActive = Date.now();
    for (const type of ['keydown', 'pointerdown', 'input', 'wheel', 'touchstart', 'scroll']) {
        document.addEventListener(type, () => { lastActive = Date.now(); }, { passive: true, capture: true });
    }
    setInterval(() => {
        const marker = document.querySelector('[data-idle-static]');
        const minutes = marker ? Number(marker.dataset.idleMinutes) : 0;
        if (minutes > 0 && Date.now() - lastActive >= minutes * 60000) {
            marker.remove();
            window.retrowalkIdle.signOut();
        }
    }, 5000);
})();

// The navigation drawer's menu button and overlay (AppDrawer; how the drawer shows is app.css's). On a page served
// without a circuit (marked by StaticIdleSignOut's element) there is no server to answer them: the browser flips the
// drawer itself, with the class AppDrawer renders. On any page, a link followed from the drawer while it lies over a
// narrow screen closes it, as the overlay would. And the menu button tells assistive technology whether the
// navigation is shown (aria-expanded): the drawer's class and the screen's width decide that together, and only the
// browser knows the width, so it keeps the attribute up to date when the drawer's class changes, a page arrives, or
// the screen crosses 960 px.
(() => {
    const narrow = window.matchMedia('(max-width: 959.98px)');
    const parts = () => ({
        drawer: document.querySelector('.app-sidebar'),
        button: document.querySelector('.app-header button[aria-label="Show or hide the navigation"]'),
    });
    const shown = drawer => drawer.classList.contains('app-drawer-toggled') === narrow.matches;

    document.addEventListener('click', event => {
        const { drawer, button } = parts();
        if (!drawer || !button) {
            return;
        }
        if (event.target.closest('.app-sidebar a[href]')) {
            if (narrow.matches && shown(drawer)) {
                button.click();
            }
            return;
        }
        if (document.querySelector('[data-idle-static]') && (event.target.closest('.app-drawer-overlay') || event.target.closest('.app-header button') === button)) {
            drawer.classList.toggle('app-drawer-toggled');
        }
    });

    const update = () => {
        const { drawer, button } = parts();
        if (drawer && button && button.getAttribute('aria-expanded') !== String(shown(drawer))) {
            button.setAttribute('aria-expanded', String(shown(drawer)));
        }
    };
    new MutationObserver(update).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    narrow.addEventListener('change', update);
    update();
})();
