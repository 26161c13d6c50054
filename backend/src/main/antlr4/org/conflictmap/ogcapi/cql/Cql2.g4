// CQL2 text encoding (OGC 21-065, Common Query Language), the parts this service answers: Basic CQL2
// (comparisons, AND / OR / NOT, IS NULL), advanced comparison (LIKE, BETWEEN, IN), basic spatial
// (S_INTERSECTS with POINT, LINESTRING, POLYGON and BBOX) and the fifteen temporal functions (T_AFTER ...
// T_STARTS) with DATE, TIMESTAMP and INTERVAL. Written for this project from the
// standard's BNF; keywords are case-insensitive, as there.
grammar Cql2;

options { caseInsensitive = true; }

filter : booleanExpression EOF ;

booleanExpression : booleanTerm (OR booleanTerm)* ;

booleanTerm : booleanFactor (AND booleanFactor)* ;

booleanFactor : NOT? booleanPrimary ;

booleanPrimary
    : LEFTPAREN booleanExpression RIGHTPAREN                              # nested
    | scalar op=(EQ | NEQ | LT | LTE | GT | GTE) scalar                  # binaryComparison
    | scalar NOT? LIKE scalar                                             # like
    | scalar NOT? BETWEEN scalar AND scalar                               # between
    | scalar NOT? IN LEFTPAREN scalar (COMMA scalar)* RIGHTPAREN           # in
    | scalar IS NOT? NULL                                                 # isNull
    | S_INTERSECTS LEFTPAREN spatial COMMA spatial RIGHTPAREN             # spatialPredicate
    | fn=(T_AFTER | T_BEFORE | T_CONTAINS | T_DISJOINT | T_DURING | T_EQUALS | T_FINISHEDBY | T_FINISHES
        | T_INTERSECTS | T_MEETS | T_METBY | T_OVERLAPPEDBY | T_OVERLAPS | T_STARTEDBY | T_STARTS)
        LEFTPAREN temporal COMMA temporal RIGHTPAREN                      # temporalPredicate
    | booleanLiteral                                                      # booleanValue
    ;

scalar
    : propertyName                                                        # scalarProperty
    | STRING                                                              # scalarString
    | NUMBER                                                              # scalarNumber
    | booleanLiteral                                                      # scalarBoolean
    | instant                                                             # scalarInstant
    ;

instant : (DATE | TIMESTAMP) LEFTPAREN STRING RIGHTPAREN ;

spatial
    : propertyName                                                        # spatialProperty
    | POINT LEFTPAREN coordinate RIGHTPAREN                               # point
    | LINESTRING LEFTPAREN coordinate (COMMA coordinate)+ RIGHTPAREN      # lineString
    | POLYGON LEFTPAREN ring (COMMA ring)* RIGHTPAREN                     # polygon
    | BBOX LEFTPAREN NUMBER COMMA NUMBER COMMA NUMBER COMMA NUMBER
        (COMMA NUMBER COMMA NUMBER)? RIGHTPAREN                           # bbox
    ;

ring : LEFTPAREN coordinate (COMMA coordinate)+ RIGHTPAREN ;

coordinate : NUMBER NUMBER NUMBER? ;

temporal
    : propertyName                                                        # temporalProperty
    | instant                                                             # temporalInstant
    | INTERVAL LEFTPAREN bound COMMA bound RIGHTPAREN                     # interval
    ;

bound : STRING | instant | propertyName ;

propertyName : IDENTIFIER | QUOTED_IDENTIFIER ;

booleanLiteral : TRUE | FALSE ;

AND : 'AND' ;
OR : 'OR' ;
NOT : 'NOT' ;
LIKE : 'LIKE' ;
BETWEEN : 'BETWEEN' ;
IN : 'IN' ;
IS : 'IS' ;
NULL : 'NULL' ;
TRUE : 'TRUE' ;
FALSE : 'FALSE' ;
DATE : 'DATE' ;
TIMESTAMP : 'TIMESTAMP' ;
INTERVAL : 'INTERVAL' ;
POINT : 'POINT' ;
LINESTRING : 'LINESTRING' ;
POLYGON : 'POLYGON' ;
BBOX : 'BBOX' ;
S_INTERSECTS : 'S_INTERSECTS' ;
T_AFTER : 'T_AFTER' ;
T_BEFORE : 'T_BEFORE' ;
T_CONTAINS : 'T_CONTAINS' ;
T_DISJOINT : 'T_DISJOINT' ;
T_DURING : 'T_DURING' ;
T_EQUALS : 'T_EQUALS' ;
T_FINISHEDBY : 'T_FINISHEDBY' ;
T_FINISHES : 'T_FINISHES' ;
T_INTERSECTS : 'T_INTERSECTS' ;
T_MEETS : 'T_MEETS' ;
T_METBY : 'T_METBY' ;
T_OVERLAPPEDBY : 'T_OVERLAPPEDBY' ;
T_OVERLAPS : 'T_OVERLAPS' ;
T_STARTEDBY : 'T_STARTEDBY' ;
T_STARTS : 'T_STARTS' ;

EQ : '=' ;
NEQ : '<>' ;
LTE : '<=' ;
GTE : '>=' ;
LT : '<' ;
GT : '>' ;
LEFTPAREN : '(' ;
RIGHTPAREN : ')' ;
COMMA : ',' ;

STRING : '\'' ( ~'\'' | '\'\'' )* '\'' ;
NUMBER : '-'? ( [0-9]+ ( '.' [0-9]* )? | '.' [0-9]+ ) ( 'E' [+-]? [0-9]+ )? ;
IDENTIFIER : [a-z_] [a-z0-9_]* ;
QUOTED_IDENTIFIER : '"' ~'"'+ '"' ;
WS : [ \t\r\n]+ -> skip ;
// anything else is a token the parser refuses, with its position
UNEXPECTED : . ;
