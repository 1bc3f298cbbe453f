// RetroWalk runs under a Content-Security-Policy without inline script: page behaviour that would
// otherwise sit in onclick="…" attributes lives here.
document.addEventListener('click', event => {
    const reload = event.target.closest('[data-action="reload"]');
    if (reload) {
        event.preventDefault();
        location.reload();
    }
});
