// Never finishes loading: the watchdog must stop it and report an endless loop at the top level.
while (Date.now() > 0) {}
export class TtlCache {}
