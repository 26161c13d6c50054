package org.conflictmap.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every SQL text the application sends to its database, as sent: the application's own DataSource is
 * wrapped so that each statement prepared or executed is written down before it goes to the driver.
 * A test can then show that what a user typed reached the database only as a bound parameter, never
 * inside the SQL text. Import {@link Config} into a Spring Boot test to install it.
 */
public final class SqlRecorder {

	private static final ConcurrentLinkedQueue<String> SENT = new ConcurrentLinkedQueue<>();

	private SqlRecorder() {
	}

	/** The SQL texts sent so far that contain {@code fragment}, case-insensitively. */
	public static List<String> containing(String fragment) {
		String f = fragment.toLowerCase(java.util.Locale.ROOT);
		return SENT.stream().filter(sql -> sql.toLowerCase(java.util.Locale.ROOT).contains(f)).distinct().toList();
	}

	/** How many of the SQL texts sent so far (repeats included) contain {@code fragment}, case-insensitively. */
	public static int sent(String fragment) {
		String f = fragment.toLowerCase(java.util.Locale.ROOT);
		return (int) SENT.stream().filter(sql -> sql.toLowerCase(java.util.Locale.ROOT).contains(f)).count();
	}

	/** How many SQL texts were sent so far. */
	public static int count() {
		return SENT.size();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		static BeanPostProcessor sqlRecorder() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource ds ? proxy(DataSource.class, ds) : bean;
				}
			};
		}

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target) {
		InvocationHandler handler = (self, method, args) -> {
			record(method, args);
			Object result = invoke(method, target, args);
			if (result instanceof Connection c && method.getReturnType() == Connection.class) {
				return proxy(Connection.class, c);
			}
			if (result instanceof Statement s && Statement.class.isAssignableFrom(method.getReturnType())) {
				return proxyStatement(s, (Class<? extends Statement>) method.getReturnType());
			}
			return result;
		};
		return (T) Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object proxyStatement(Statement target, Class<? extends Statement> type) {
		InvocationHandler handler = (self, method, args) -> {
			record(method, args);
			return invoke(method, target, args);
		};
		return Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	/** The SQL of prepareStatement, prepareCall, nativeSQL, execute*, addBatch: their first String argument. */
	private static void record(Method method, Object[] args) {
		String name = method.getName();
		if (args != null && args.length > 0 && args[0] instanceof String sql && (name.startsWith("prepare")
				|| name.startsWith("execute") || name.equals("addBatch") || name.equals("nativeSQL"))) {
			SENT.add(sql);
		}
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
