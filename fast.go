package httpauth

// The fast path reads the shapes that make up nearly every real field in
// one loop whose state stays in local variables, which the general grammar
// (parser.go), a state machine between small functions, cannot do: Go keeps
// few values in registers across calls, and the per-element cost of the
// general grammar was most of a parse. It accepts only input the general
// grammar accepts, with the same result and no warning, and gives up,
// keeping nothing, at anything else; the general grammar then reads the
// field from its start. FuzzFastPath holds the two to the same result.
//
// What it reads: field lines of elements separated by a comma and at most
// one SP, or by a line boundary; leading and trailing OWS of a line; each
// element an auth-scheme alone, followed by SP and a token68, or followed
// by SP and a parameter, or a parameter "name=value" whose value is a token
// or a quoted-string. What it gives up on: OWS around "=" or before a
// comma, empty elements and empty lines, a second credentials value or a
// comma after credentials that take no parameters, a duplicate name, more
// parameters than dupScan or the limit, more challenges than the limit,
// and every fault.

// fastParse parses lines as the field of mode m, as parse does, and
// reports whether it could. On false, p.cs and p.plist hold what they held
// before beyond their original lengths (base and the length of p.plist).
func (p *Parser) fastParse(m mode, base int, lines []string) bool {
	st := &p.st
	maxLine, maxChallenges := st.lim.MaxLineBytes, st.lim.MaxChallenges
	maxParams := min(st.lim.MaxParams, dupScan)
	cs := p.cs
	plist := p.plist
	plist0 := len(plist)
	// cur is the list that receives parameters (nil when the current
	// challenge takes none), n0 its first parameter of this field, names
	// the nameBit set of its names; first tells that the element must be
	// a parameter (right after "auth-scheme SP").
	var cur *Params
	var names uint64
	n0 := 0
	first := false
	if m == modeParams {
		cur, n0 = &plist, plist0
	}
	for ln, s := range lines {
		if len(s) > maxLine || (ln > 0 && m == modeCredentials) {
			return p.bail(cs)
		}
		n := len(s)
		for n > 0 && (s[n-1] == ' ' || s[n-1] == '\t') {
			n--
		}
		s = s[:n]
		i := skipOWS(s, 0)
		if i >= len(s) {
			return p.bail(cs)
		}
		for {
			// An element starts at s[i], which is not OWS.
			t0 := i
			t1 := scanName(s, i)
			if t1 == t0 {
				return p.bail(cs)
			}
			if t1 < len(s) && s[t1] == '=' && cur != nil {
				j := t1 + 1
				if j >= len(s) {
					return p.bail(cs)
				}
				value, end, _, r := valueAt(s, j)
				if r != nil {
					return p.bail(cs)
				}
				i = end
				name := s[t0:t1]
				bit := nameBit(name)
				if len(*cur)-n0 >= maxParams || (names&bit != 0 && hasName((*cur)[n0:], name)) {
					return p.bail(cs)
				}
				*cur = append(*cur, Param{Name: name, Value: value})
				names |= bit
				first = false
			} else {
				// Any other token starts a challenge; it must end the
				// element, or be followed by SP and its data.
				if first || m == modeParams || (m == modeCredentials && len(cs) > 0) || len(cs)-base >= maxChallenges {
					return p.bail(cs)
				}
				k := len(cs)
				if k < cap(cs) {
					cs = cs[:k+1]
					cs[k].Scheme, cs[k].Token68, cs[k].Params = s[t0:t1], "", cs[k].Params[:0]
				} else {
					cs = append(cs, Challenge{Scheme: s[t0:t1]})
				}
				c := &cs[k]
				cur, names, n0 = nil, 0, 0
				i = t1
				if i < len(s) && s[i] != ',' {
					if s[i] != ' ' {
						return p.bail(cs)
					}
					j := skipOWS(s, i)
					if end, next, ok := token68At(s, j); ok {
						c.Token68 = s[j:end]
						i = next
					} else {
						if s[j] == '=' {
							return p.bail(cs) // "scheme =x": a parameter (BWS)
						}
						if m == modeCredentials {
							c.Params = plist
							cur, n0 = &c.Params, plist0
						} else {
							cur = &c.Params
						}
						first = true
						i = j
						continue
					}
				}
			}
			// After an element: a comma, at most one SP and the next
			// element, or the end of the line.
			if i >= len(s) {
				break
			}
			if s[i] != ',' || (m == modeCredentials && cur == nil) {
				return p.bail(cs)
			}
			i++
			if i < len(s) && s[i] == ' ' {
				i++
			}
			if i >= len(s) || classes[s[i]]&cTchar == 0 {
				return p.bail(cs)
			}
		}
	}
	if m == modeCredentials {
		if len(cs) == 0 {
			return p.bail(cs)
		}
		plist = cs[0].Params
	}
	p.cs, p.plist = cs, plist
	p.warns = p.warns[:0]
	if len(cs) > p.hw {
		p.hw = len(cs)
	}
	return true
}

// bail records how far the fast path wrote into p.cs's array (see
// Parser.hw) and reports false.
func (p *Parser) bail(cs []Challenge) bool {
	if len(cs) > p.hw {
		p.hw = len(cs)
	}
	return false
}

// hasName reports whether ps has a parameter named name, ASCII
// case-insensitively.
func hasName(ps Params, name string) bool {
	for k := range ps {
		if EqualFold(ps[k].Name, name) {
			return true
		}
	}
	return false
}
