package fuzzgen

//go:generate go run ./internal/mkgolden

// Golden returns the project's hand-written cases: every file of the
// repository's testdata/golden, testdata/corpus (values as real services
// send them) and testdata/lenient whose field is not an Authorization
// value of more than one line. Their expected results were written and
// reviewed by hand from the RFCs; a case that strict parsing rejects and
// lenient parsing reads is NearValid, any other rejected one Hostile.
// Name is the file's directory and name without ".txtar".
//
// The slice and its cases are new at each call: the caller may change
// them.
func Golden() []Case {
	out := make([]Case, len(goldenCases))
	for i, c := range goldenCases {
		c.Lines = append([]string(nil), c.Lines...)
		c.Challenges = cloneChallenges(c.Challenges)
		c.Credentials.Params = append(c.Credentials.Params[:0:0], c.Credentials.Params...)
		c.Params = append(c.Params[:0:0], c.Params...)
		c.Warnings = append(c.Warnings[:0:0], c.Warnings...)
		c.Categories = append(c.Categories[:0:0], c.Categories...)
		if c.Err != nil {
			e := *c.Err
			c.Err = &e
		}
		out[i] = c
	}
	return out
}
