package httpauth

// DupProbes returns how many slots of its duplicate-name index p has
// visited so far, the cost TestDuplicateIndexFlood compares.
func (p *Parser) DupProbes() int { return p.probes }
