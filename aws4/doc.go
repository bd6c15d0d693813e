// Package aws4 is a typed view of the Authorization value of AWS Signature
// Version 4 (the AWS4-HMAC-SHA256 scheme, AWS documentation; not an RFC and
// not in the IANA registry), built on the generic values of package
// httpauth.
//
// AWS SDKs send:
//
//	Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7
//
// The bare values hold "/" and ";", which RFC 9110 does not allow outside a
// quoted-string, so httpauth's strict parser rejects this header. This is
// the one scheme whose real wire form needs more than the strict parser,
// so the package reads and writes a field value itself:
// [ParseFieldValue] parses it with httpauth's lenient mode and accepts no
// recovery but the AWS form's (an unquoted value with delimiters, read up
// to the next comma or space); anything else that strict parsing refuses
// (spaces inside a value, a missing comma, an unterminated quoted-string,
// a duplicate name, ...) is an error with the offset.
// [Credentials.FieldValue] writes the bare form for services that require
// it.
//
// The typed view ([ParseCredentials], [Credentials]) checks:
//
//   - Credential: access-key/YYYYMMDD/region/service/aws4_request, with a
//     real calendar date and the literal terminator "aws4_request";
//   - SignedHeaders: a ";"-separated list of lowercase header names
//     (tokens), sorted and without duplicates, as the canonical request
//     requires;
//   - Signature: 64 lowercase hex digits (HMAC-SHA256).
//
// Other parameters are ignored. [Credentials.Build] gives an
// httpauth.Credentials whose Credential and SignedHeaders the generic
// encoder writes as quoted-strings, so the result is strictly valid RFC
// 9110.
//
// The signature itself: [CanonicalQuery], [CanonicalHeaders] and
// [CanonicalRequest] build the canonical request, [StringToSign],
// [SigningKey] and [Sign] the rest, and [Credentials.Verify] checks a
// request's signature in constant time; the AWS documentation's IAM
// ListUsers example is the test. Not done here: the canonical URI (the
// caller encodes the path with [URIEncode], twice for services other than
// S3), clock-skew checks, S3's unsigned and streaming payload modes,
// presigned URLs (X-Amz-* query parameters) and SigV4a
// (AWS4-ECDSA-P256-SHA256).
//
// # Errors
//
// Every error is a [*httpauth.SchemeError] naming the parameter at fault
// and never quoting a value. Credentials of another scheme wrap
// [httpauth.ErrOtherScheme], a missing parameter [httpauth.ErrMissingParam],
// a signature that does not match [httpauth.ErrVerification], and a field
// value that ParseFieldValue cannot read a [*httpauth.SyntaxError] with the
// line and offset.
//
// # Secrets
//
// [Credentials] mask the signature under every fmt verb, in encoding/json,
// encoding/xml and log/slog, and show the rest: the access key ID names a
// key as a user name names a user, and the scope and signed headers are
// what a log needs to explain a refused request.
//
//	value            printed as
//	Signature        [redacted] when set, empty when absent
//	Credential       shown: access key ID, date, region, service
//	SignedHeaders    shown
//
// [Scope] holds no secret. The secret access key is only ever an argument
// ([SigningKey], [Credentials.Verify]); this package keeps none.
package aws4
