// Shows the reconnect dialog from the .NET 10 Blazor client's reconnect events.
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

function handleReconnectStateChanged(event) {
    const state = event.detail.state;
    if (state === "show") {
        if (!reconnectModal.open) {
            reconnectModal.showModal();
        }
    } else if (state === "hide") {
        reconnectModal.close();
    } else if (state === "failed") {
        document.addEventListener("visibilitychange", retryWhenVisible);
    } else if (state === "rejected") {
        // The server no longer knows this page's circuit (it restarted): load the page afresh.
        location.reload();
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // true: reconnected; false: the server answered but no longer has this circuit.
        if (!await Blazor.reconnect()) {
            if (await Blazor.resumeCircuit()) {
                reconnectModal.close();
            } else {
                location.reload();
            }
        }
    } catch {
        // The server is still unreachable: try again when the tab is next shown.
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) {
            location.reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
