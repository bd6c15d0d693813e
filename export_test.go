package httpauth

// DupProbes returns how many slots of its duplicate-name index p has
// visited so far, the cost TestDuplicateIndexFlood compares.
func (p *Parser) DupProbes() int { return p.probes }

// SetFastPath turns the fast path of p on (the default) or off, so that
// FuzzFastPath can compare it with the general grammar.
func (p *Parser) SetFastPath(on bool) { p.slow = !on }

// TookFastPath reports whether the last call of p was read by the fast
// path alone.
func (p *Parser) TookFastPath() bool { return p.fast }
