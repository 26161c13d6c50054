package org.conflictmap.map;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/** A JTS geometry through an Apache SIS transform, coordinate by coordinate (2D). */
public final class Reprojection {

	private Reprojection() {
	}

	/** A copy of {@code g} with every coordinate transformed; {@code g} is left as it is. */
	public static Geometry apply(Geometry g, MathTransform transform) {
		Geometry copy = g.copy();
		copy.apply(new CoordinateSequenceFilter() {
			private final double[] point = new double[2];

			@Override
			public void filter(CoordinateSequence seq, int i) {
				point[0] = seq.getX(i);
				point[1] = seq.getY(i);
				try {
					transform.transform(point, 0, point, 0, 1);
				}
				catch (TransformException ex) {
					throw new IllegalStateException("cannot transform " + seq.getX(i) + " " + seq.getY(i), ex);
				}
				seq.setOrdinate(i, 0, point[0]);
				seq.setOrdinate(i, 1, point[1]);
			}

			@Override
			public boolean isDone() {
				return false;
			}

			@Override
			public boolean isGeometryChanged() {
				return true;
			}
		});
		copy.geometryChanged();
		return copy;
	}

}
